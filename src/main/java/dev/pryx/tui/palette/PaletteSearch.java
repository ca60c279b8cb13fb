package dev.pryx.tui.palette;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;

/**
 * The command palette's search: every item scored with {@link FuzzyMatcher} on each keystroke, the
 * best few returned with their highlight positions.
 *
 * <p>Ranking: score (plus a boost for recent choices), then kind ({@link PaletteItem.Kind} order),
 * then label, then id, so that equal scores always come out in the same order. An empty query lists
 * the recent choices, most recent first, then the commands in the order given.
 *
 * <p>Why it is fast enough for every keystroke over ~5,500 items:
 * <ul>
 *   <li>labels are folded and their word starts found once, in the constructor;</li>
 *   <li>scoring allocates nothing; only the returned results allocate;</li>
 *   <li>the best {@code limit} are kept in a small heap, nothing is sorted but them;</li>
 *   <li>incremental: the matches of each prefix of the current query are kept, so typing one more
 *       character scores only what matched before it (every label the longer query matches, the
 *       shorter one matched too), and backspace falls back to the kept list of the shorter query.</li>
 * </ul>
 *
 * <p>Not thread-safe: the palette model lives on the GUI thread.
 */
public final class PaletteSearch {

    /** How many recent choices are remembered. */
    public static final int HISTORY_SIZE = 20;
    /** Boost of the most recent choice; each older one gets {@link #RECENT_BOOST_STEP} less. */
    static final int RECENT_BOOST = 40;
    static final int RECENT_BOOST_STEP = 2;
    /** Prefix lengths whose matches are kept; longer queries are rare and cheap anyway. */
    private static final int MAX_CACHED_LENGTH = 32;

    /** A result: the item, its score (recent boost included), and the matched label indices. */
    public record Result(PaletteItem item, int score, int[] positions) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Result r && item.equals(r.item) && score == r.score
                    && Arrays.equals(positions, r.positions);
        }

        @Override
        public int hashCode() {
            return (item.hashCode() * 31 + score) * 31 + Arrays.hashCode(positions);
        }

        @Override
        public String toString() {
            return "Result[" + item + ", score=" + score + ", positions=" + Arrays.toString(positions) + "]";
        }
    }

    private final FuzzyMatcher matcher = new FuzzyMatcher();
    private final LinkedList<PaletteItem> recent = new LinkedList<>();

    private List<PaletteItem> items = List.of();
    private Map<PaletteItem, Integer> indexOf = Map.of();
    private char[][] folded = new char[0][];
    private byte[][] bonuses = new byte[0][];
    /** Position of each item in (kind, label, id) order: ties compare one int. */
    private int[] tieRank = new int[0];
    private int[] boost = new int[0];
    private int[] all = new int[0];

    // The incremental cache: levels[k] holds the indices of all items matching cachedQuery[0..k).
    private char[] cachedQuery = new char[0];
    private final int[][] levels = new int[MAX_CACHED_LENGTH + 1][];
    private final int[] levelSizes = new int[MAX_CACHED_LENGTH + 1];

    private char[] query = new char[32];
    private int[] heapItems = new int[64];
    private int[] heapScores = new int[64];

    public PaletteSearch(List<PaletteItem> items) {
        replaceItems(items);
    }

    /** Replaces the searchable items (catalog refreshed, provider added); the history stays. */
    public void replaceItems(List<PaletteItem> newItems) {
        items = List.copyOf(newItems);
        int size = items.size();
        folded = new char[size][];
        bonuses = new byte[size][];
        indexOf = new HashMap<>(size * 2);
        all = new int[size];
        for (int i = 0; i < size; i++) {
            String label = items.get(i).label();
            folded[i] = FuzzyMatcher.foldLabel(label);
            bonuses[i] = FuzzyMatcher.bonuses(label);
            indexOf.putIfAbsent(items.get(i), i);
            all[i] = i;
        }
        Integer[] order = new Integer[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        Comparator<Integer> byTie = Comparator.comparing((Integer i) -> items.get(i).kind())
                .thenComparing(i -> items.get(i).label(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(i -> items.get(i).label())
                .thenComparing(i -> items.get(i).id())
                .thenComparing(i -> i);
        Arrays.sort(order, byTie);
        tieRank = new int[size];
        for (int r = 0; r < size; r++) {
            tieRank[order[r]] = r;
        }
        forgetPreviousQuery();
        rebuildBoost();
    }

    public List<PaletteItem> items() {
        return items;
    }

    /** Remembers a chosen item: it moves to the front of the history and ranks higher from now on. */
    public void recordChoice(PaletteItem item) {
        recent.remove(item);
        recent.addFirst(item);
        while (recent.size() > HISTORY_SIZE) {
            recent.removeLast();
        }
        rebuildBoost();
    }

    /** The recent choices, most recent first. */
    public List<PaletteItem> recentChoices() {
        return Collections.unmodifiableList(new ArrayList<>(recent));
    }

    /**
     * Drops the kept matches of the previous query, so that the next search scans every item: for
     * a palette reopened after the items changed under it, and to measure the cost of a full scan.
     */
    public void forgetPreviousQuery() {
        cachedQuery = new char[0];
        Arrays.fill(levels, null);
        Arrays.fill(levelSizes, 0);
    }

    /**
     * The best {@code limit} items for {@code query}, best first.
     *
     * @param query what the user typed; case, accents and whitespace do not matter
     * @param limit at most this many results; 0 or less gives none
     */
    public List<Result> search(String query, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        if (this.query.length < query.length()) {
            this.query = new char[Math.max(query.length(), this.query.length * 2)];
        }
        char[] q = this.query;
        int m = FuzzyMatcher.foldQuery(query, q);
        if (m == 0) {
            return browse(limit);
        }

        // Candidates: the kept matches of the longest kept prefix this query shares.
        int common = 0;
        int shared = Math.min(m, cachedQuery.length);
        while (common < shared && cachedQuery[common] == q[common]) {
            common++;
        }
        for (int k = common + 1; k <= MAX_CACHED_LENGTH; k++) {
            levels[k] = null;
        }
        int[] candidates = all;
        int candidateCount = all.length;
        for (int k = Math.min(common, MAX_CACHED_LENGTH); k > 0; k--) {
            if (levels[k] != null) {
                candidates = levels[k];
                candidateCount = levelSizes[k];
                break;
            }
        }
        cachedQuery = Arrays.copyOf(q, m);
        int[] matches = null;
        if (m <= MAX_CACHED_LENGTH && levels[m] == null) {
            matches = new int[candidateCount];
        }

        int capacity = Math.min(limit, candidateCount);
        if (heapItems.length < capacity) {
            heapItems = new int[capacity];
            heapScores = new int[capacity];
        }
        int heapSize = 0;
        int matchCount = 0;
        for (int c = 0; c < candidateCount; c++) {
            int i = candidates[c];
            int score = matcher.score(q, m, folded[i], bonuses[i]);
            if (score == FuzzyMatcher.NO_MATCH) {
                continue;
            }
            if (matches != null) {
                matches[matchCount++] = i;
            }
            score += boost[i];
            if (heapSize < capacity) {
                heapItems[heapSize] = i;
                heapScores[heapSize] = score;
                siftUp(heapSize++);
            } else if (capacity > 0 && worse(heapItems[0], heapScores[0], i, score)) {
                heapItems[0] = i;
                heapScores[0] = score;
                siftDown(0, heapSize);
            }
        }
        if (matches != null) {
            levels[m] = matches;
            levelSizes[m] = matchCount;
        }

        // Pop worst first, fill from the back: best first.
        Result[] out = new Result[heapSize];
        for (int r = heapSize - 1; r >= 0; r--) {
            int i = heapItems[0];
            int score = heapScores[0];
            heapSize--;
            heapItems[0] = heapItems[heapSize];
            heapScores[0] = heapScores[heapSize];
            siftDown(0, heapSize);
            out[r] = new Result(items.get(i), score, matcher.positions(q, m, folded[i], bonuses[i]));
        }
        return Arrays.asList(out);
    }

    private List<Result> browse(int limit) {
        List<Result> out = new ArrayList<>(Math.min(limit, 64));
        boolean[] shown = new boolean[items.size()];
        for (Iterator<PaletteItem> it = recent.iterator(); it.hasNext() && out.size() < limit;) {
            Integer i = indexOf.get(it.next());
            if (i != null) {
                shown[i] = true;
                out.add(new Result(items.get(i), boost[i], new int[0]));
            }
        }
        for (int i = 0; i < items.size() && out.size() < limit; i++) {
            if (!shown[i] && items.get(i).kind() == PaletteItem.Kind.COMMAND) {
                out.add(new Result(items.get(i), boost[i], new int[0]));
            }
        }
        return out;
    }

    private void rebuildBoost() {
        boost = new int[items.size()];
        int step = 0;
        for (PaletteItem item : recent) {
            Integer i = indexOf.get(item);
            if (i != null) {
                boost[i] = Math.max(RECENT_BOOST - RECENT_BOOST_STEP * step, 1);
            }
            step++;
        }
    }

    /** True if (itemA, scoreA) ranks below (itemB, scoreB). */
    private boolean worse(int itemA, int scoreA, int itemB, int scoreB) {
        return scoreA != scoreB ? scoreA < scoreB : tieRank[itemA] > tieRank[itemB];
    }

    private void siftUp(int at) {
        int item = heapItems[at];
        int score = heapScores[at];
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!worse(item, score, heapItems[parent], heapScores[parent])) {
                break;
            }
            heapItems[at] = heapItems[parent];
            heapScores[at] = heapScores[parent];
            at = parent;
        }
        heapItems[at] = item;
        heapScores[at] = score;
    }

    private void siftDown(int at, int size) {
        if (size == 0) {
            return;
        }
        int item = heapItems[at];
        int score = heapScores[at];
        while (true) {
            int child = 2 * at + 1;
            if (child >= size) {
                break;
            }
            int right = child + 1;
            if (right < size && worse(heapItems[right], heapScores[right], heapItems[child], heapScores[child])) {
                child = right;
            }
            if (!worse(heapItems[child], heapScores[child], item, score)) {
                break;
            }
            heapItems[at] = heapItems[child];
            heapScores[at] = heapScores[child];
            at = child;
        }
        heapItems[at] = item;
        heapScores[at] = score;
    }
}
