package dev.pryx.tui.palette;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Case-insensitive subsequence matching with a score, for the command palette.
 *
 * <p>The query's characters must appear in the label in order, not necessarily together. Among all
 * ways to place them, the score of the best one counts: every matched character earns a base score,
 * more when it starts a word (label start; after a space, {@code / - _ . :}, a bracket or comma; or a
 * camel hump like the {@code R} of {@code OpenRouter}), more again when the first query character
 * is the label's first, and more when it directly follows the previous matched character; gaps
 * cost a little to open and less to extend, and longer labels lose a little. The best placement is
 * found by dynamic programming (query length × the window in which matches are possible), not
 * greedily, so that {@code gpt5} against {@code gpt-4.1-mini-2025} cannot beat {@code gpt-5}.
 *
 * <p>Folding: per UTF-16 unit, lower case, and a Latin letter with accents counts as its base
 * letter ({@code uber} matches {@code Über}); whitespace in the query is ignored ({@code claude
 * sonnet} is {@code claudesonnet}, and both word starts still earn their bonus). Folding keeps the
 * label's length, so positions are indices of {@code char}s in the original label.
 *
 * <p>An instance keeps scratch buffers so that scoring allocates nothing; it is not thread-safe
 * (the palette lives on the GUI thread).
 */
public final class FuzzyMatcher {

    /** A match: its score (higher is better) and the matched {@code char} indices, ascending. */
    public record Match(int score, int[] positions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Match m && score == m.score && Arrays.equals(positions, m.positions);
        }

        @Override
        public int hashCode() {
            return score * 31 + Arrays.hashCode(positions);
        }

        @Override
        public String toString() {
            return "Match[score=" + score + ", positions=" + Arrays.toString(positions) + "]";
        }
    }

    /** What {@link #score} returns when the query is not a subsequence of the label. */
    static final int NO_MATCH = Integer.MIN_VALUE;

    static final int SCORE_MATCH = 16;
    static final int BONUS_WORD_START = 8;
    static final int BONUS_PREFIX = 12;
    static final int BONUS_CONSECUTIVE = 10;
    static final int GAP_START = 3;
    static final int GAP_EXTEND = 1;

    /** Far below any real score, far above overflow even after thousands of gap penalties. */
    private static final int NEG = -(1 << 28);
    private static final int VALID = NEG / 2;

    private int[] cells = new int[256];
    private int[] lo = new int[16];
    private int[] hi = new int[16];

    /**
     * Matches one query against one label, allocating as it goes: for tests and one-off use.
     * An empty query (or one of whitespace only) matches everything with score 0.
     *
     * @return the best match, or {@code null} if the query is not a subsequence of the label
     */
    /**
     * The items that match {@code query} on any of their labels (null labels skipped), best score
     * first; ties, and an empty query, keep the given order.
     */
    public <T> List<T> rank(String query, List<T> items, Function<? super T, List<String>> labels) {
        if (query == null || query.isBlank()) {
            return items;
        }
        record Scored<T>(T item, int score, int order) {
        }
        List<Scored<T>> scored = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            int best = NO_MATCH;
            for (String label : labels.apply(items.get(i))) {
                Match m = label == null ? null : match(query, label);
                if (m != null) {
                    best = Math.max(best, m.score());
                }
            }
            if (best != NO_MATCH) {
                scored.add(new Scored<>(items.get(i), best, i));
            }
        }
        scored.sort(Comparator.comparingInt((Scored<T> x) -> x.score()).reversed().thenComparingInt(Scored::order));
        return scored.stream().map(Scored::item).toList();
    }

    public Match match(String query, String label) {
        char[] q = new char[query.length()];
        int m = foldQuery(query, q);
        if (m == 0) {
            return new Match(0, new int[0]);
        }
        char[] folded = foldLabel(label);
        int score = score(q, m, folded, bonuses(label));
        return score == NO_MATCH ? null : new Match(score, positions(q, m, folded, bonuses(label)));
    }

    // ---- the fast path, used by PaletteSearch with labels folded once ----

    /** The label folded for matching; same length as the label. */
    static char[] foldLabel(String label) {
        char[] out = new char[label.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(label.charAt(i));
        }
        return out;
    }

    /**
     * Folds the query into {@code out} (at least {@code query.length()} long), dropping whitespace.
     *
     * @return how many characters were written
     */
    static int foldQuery(String query, char[] out) {
        int m = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                out[m++] = fold(c);
            }
        }
        return m;
    }

    /** Per position of the label, the word-start bonus of a match there. */
    static byte[] bonuses(String label) {
        byte[] out = new byte[label.length()];
        for (int j = 0; j < out.length; j++) {
            char c = label.charAt(j);
            boolean start;
            if (j == 0) {
                start = true;
            } else {
                char before = label.charAt(j - 1);
                start = isSeparator(before) && !isSeparator(c)
                        || Character.isLowerCase(before) && Character.isUpperCase(c);
            }
            out[j] = (byte) (start ? BONUS_WORD_START : 0);
        }
        return out;
    }

    static boolean isSeparator(char c) {
        switch (c) {
            case ' ': case '/': case '-': case '_': case '.': case ':':
            case '(': case ')': case '[': case ']': case ',':
                return true;
            default:
                return Character.isWhitespace(c);
        }
    }

    static char fold(char c) {
        if (c < 0x80) {
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        char lower = Character.toLowerCase(c);
        if (!Character.isLetter(lower)) {
            return lower;
        }
        // A precomposed letter whose decomposition is a base letter plus combining marks only:
        // count it as the base letter. Hangul syllables decompose into letters, not marks, and
        // stay as they are.
        String decomposed = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
        if (decomposed.length() < 2) {
            return lower;
        }
        for (int i = 1; i < decomposed.length(); i++) {
            if (Character.getType(decomposed.charAt(i)) != Character.NON_SPACING_MARK) {
                return lower;
            }
        }
        return decomposed.charAt(0);
    }

    /**
     * Scores folded query {@code q[0..m)} against a folded label; allocation-free once the scratch
     * buffers have grown to the longest label.
     *
     * @return the score, or {@link #NO_MATCH}
     */
    int score(char[] q, int m, char[] label, byte[] bonus) {
        int n = label.length;
        if (m == 0) {
            return 0;
        }
        if (m > n || !window(q, m, label)) {
            return NO_MATCH;
        }
        fill(q, m, label, bonus);
        int[] d = cells;
        int row = (m - 1) * n;
        int best = NEG;
        for (int j = lo[m - 1]; j <= hi[m - 1]; j++) {
            best = Math.max(best, d[row + j]);
        }
        return best - lengthPenalty(n);
    }

    /**
     * The positions of the best placement; call only for a label {@link #score} matched. Recomputes
     * the table, since the search scores many labels and asks positions for a few.
     */
    int[] positions(char[] q, int m, char[] label, byte[] bonus) {
        int n = label.length;
        if (m == 0 || m > n || !window(q, m, label)) {
            return new int[0];
        }
        fill(q, m, label, bonus);
        int[] d = cells;
        int[] pos = new int[m];
        int row = (m - 1) * n;
        int j = lo[m - 1];
        for (int k = lo[m - 1] + 1; k <= hi[m - 1]; k++) {
            if (d[row + k] > d[row + j]) {
                j = k;
            }
        }
        pos[m - 1] = j;
        for (int i = m - 1; i > 0; i--) {
            int need = d[i * n + j] - SCORE_MATCH - bonus[j];
            int prev = (i - 1) * n;
            int plo = lo[i - 1];
            int phi = hi[i - 1];
            int k = j - 1;
            if (!(k <= phi && d[prev + k] > VALID && d[prev + k] + BONUS_CONSECUTIVE == need)) {
                for (k = Math.min(j - 2, phi); k >= plo; k--) {
                    if (d[prev + k] > VALID && d[prev + k] - GAP_START - GAP_EXTEND * (j - 2 - k) == need) {
                        break;
                    }
                }
            }
            pos[i - 1] = k;
            j = k;
        }
        return pos;
    }

    static int lengthPenalty(int n) {
        return Math.min(n, 128) >> 2;
    }

    /**
     * The earliest ({@code lo}) and latest ({@code hi}) position each query character can take in
     * any placement; false if there is none. Only that window of each row is computed.
     */
    private boolean window(char[] q, int m, char[] label) {
        if (lo.length < m) {
            lo = new int[Math.max(m, lo.length * 2)];
            hi = new int[lo.length];
        }
        int n = label.length;
        int j = 0;
        for (int i = 0; i < m; i++) {
            char c = q[i];
            while (j < n && label[j] != c) {
                j++;
            }
            if (j == n) {
                return false;
            }
            lo[i] = j++;
        }
        j = n - 1;
        for (int i = m - 1; i >= 0; i--) {
            char c = q[i];
            while (label[j] != c) {
                j--;
            }
            hi[i] = j--;
        }
        return true;
    }

    /**
     * cells[i * n + j]: best score of a placement of q[0..i] with q[i] at label position j (NEG if
     * q[i] cannot be there). Valid only inside each row's window.
     */
    private void fill(char[] q, int m, char[] label, byte[] bonus) {
        int n = label.length;
        if (cells.length < m * n) {
            cells = Arrays.copyOf(cells, Math.max(m * n, cells.length * 2));
        }
        int[] d = cells;
        char c0 = q[0];
        for (int j = lo[0]; j <= hi[0]; j++) {
            d[j] = label[j] == c0 ? SCORE_MATCH + bonus[j] + (j == 0 ? BONUS_PREFIX : 0) : NEG;
        }
        for (int i = 1; i < m; i++) {
            int prev = (i - 1) * n;
            int row = i * n;
            int plo = lo[i - 1];
            int phi = hi[i - 1];
            int from = lo[i];
            int to = hi[i];
            char c = q[i];
            // gap = best of prev[k] - GAP_START - GAP_EXTEND * (j - 2 - k) over k <= j - 2, for j = from.
            int gap = NEG;
            int k = plo;
            for (; k <= from - 2 && k <= phi; k++) {
                gap = Math.max(gap - GAP_EXTEND, d[prev + k] - GAP_START);
            }
            if (k <= from - 2) {
                gap -= GAP_EXTEND * (from - 1 - k);
            }
            for (int j = from; j <= to; j++) {
                int before = j - 1; // >= plo, since lo[i] > lo[i - 1]
                int diagonal = before <= phi ? d[prev + before] : NEG;
                int value = NEG;
                if (label[j] == c) {
                    int best = Math.max(gap, diagonal > VALID ? diagonal + BONUS_CONSECUTIVE : NEG);
                    if (best > VALID) {
                        value = best + SCORE_MATCH + bonus[j];
                    }
                }
                d[row + j] = value;
                gap = Math.max(gap - GAP_EXTEND, diagonal - GAP_START);
            }
        }
    }
}
