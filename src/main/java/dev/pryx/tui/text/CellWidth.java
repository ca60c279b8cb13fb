package dev.pryx.tui.text;

import java.util.Objects;

/**
 * How many terminal cells text takes, and text cut or padded to a number of cells. Lanterna 3.1.5
 * counts most emoji as one cell and combining marks as one more, so columns of provider and model
 * names drift apart as soon as a name holds either; this class measures the way terminals draw.
 *
 * <p>Per code point ({@link #of(int)}):
 *
 * <ul>
 *   <li>0: combining marks (Unicode categories Mn and Me), format characters (Cf: zero-width
 *       joiner, zero-width space, tags, ...), which covers the variation selectors U+FE00-FE0F and
 *       U+E0100-E01EF; Hangul medial vowels and final consonants (U+1160-11FF, U+D7B0-D7FF),
 *       which join the initial consonant before them into one syllable; and control characters,
 *       which a terminal does not print (strip them before drawing: a tab or escape moves the
 *       cursor in ways no width can describe). U+00AD SOFT HYPHEN is the exception among format
 *       characters: terminals draw it as a hyphen, one cell.
 *   <li>2: East Asian Wide and Fullwidth characters (Unicode's {@code EastAsianWidth.txt}, W and
 *       F), which include the emoji that show as emoji by default; the table is below.
 *   <li>1: everything else, East Asian Ambiguous characters included, as terminals in a Western
 *       locale draw them.
 * </ul>
 *
 * <p>Text ({@link #of(CharSequence)}) is measured in clusters, the way terminals that draw emoji
 * sequences as one picture do: a base character takes its combining marks along; a base followed
 * by U+FE0F (emoji presentation) takes two cells, as does a pictograph with a skin-tone modifier;
 * pictographs joined by U+200D into one emoji (a family, a rainbow flag) take two cells together;
 * two regional indicators make a flag of two cells (one alone takes one). U+FE0E (text
 * presentation) changes nothing: few terminals narrow an emoji for it. Joiners between letters
 * (Indic scripts) do not join clusters here; terminals do not draw such scripts in a grid anyway.
 *
 * <p>The table follows Unicode 14 to 15.1; code points newer than the JDK's Unicode version may
 * be measured as one cell when they are combining marks.
 */
public final class CellWidth {
    private static final char ELLIPSIS = '\u2026';
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int EMOJI_PRESENTATION = 0xFE0F;
    private static final int SOFT_HYPHEN = 0x00AD;

    /**
     * East Asian Wide (W) and Fullwidth (F) ranges, inclusive, sorted. Neighbouring ranges are
     * merged across code points still unassigned in Unicode 14, so whole CJK and emoji blocks are
     * one entry and their later additions (which Unicode assigns W) are covered; the CJK planes 2
     * and 3 are wide whole, as {@code EastAsianWidth.txt} declares for their unassigned points.
     */
    private static final int[] WIDE = {
        // Hangul initial consonants (they take the syllable's two cells)
        0x1100, 0x115F,
        // Miscellaneous Technical: watch, hourglass, angle brackets, media and clock symbols
        0x231A, 0x231B, 0x2329, 0x232A, 0x23E9, 0x23EC, 0x23F0, 0x23F0, 0x23F3, 0x23F3,
        // Geometric shapes and Miscellaneous Symbols with emoji presentation (U+2600-26FF)
        0x25FD, 0x25FE, 0x2614, 0x2615, 0x2648, 0x2653, 0x267F, 0x267F, 0x2693, 0x2693,
        0x26A1, 0x26A1, 0x26AA, 0x26AB, 0x26BD, 0x26BE, 0x26C4, 0x26C5, 0x26CE, 0x26CE,
        0x26D4, 0x26D4, 0x26EA, 0x26EA, 0x26F2, 0x26F3, 0x26F5, 0x26F5, 0x26FA, 0x26FA,
        0x26FD, 0x26FD,
        // Dingbats with emoji presentation (U+2700-27BF)
        0x2705, 0x2705, 0x270A, 0x270B, 0x2728, 0x2728, 0x274C, 0x274C, 0x274E, 0x274E,
        0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27B0, 0x27B0, 0x27BF, 0x27BF,
        // Miscellaneous Symbols and Arrows: large squares, star, circle
        0x2B1B, 0x2B1C, 0x2B50, 0x2B50, 0x2B55, 0x2B55,
        // CJK radicals, ideographic description, CJK symbols and punctuation (U+3000 is F)
        0x2E80, 0x303E,
        // Hiragana, Katakana, Bopomofo, Hangul compatibility jamo, Kanbun, CJK strokes, enclosed CJK
        0x3041, 0x3247,
        // Enclosed CJK, CJK compatibility, CJK extension A
        0x3250, 0x4DBF,
        // CJK unified ideographs, Yi syllables and radicals
        0x4E00, 0xA4C6,
        // Hangul Jamo extended A, Hangul syllables
        0xA960, 0xA97C, 0xAC00, 0xD7A3,
        // CJK compatibility ideographs
        0xF900, 0xFAFF,
        // Vertical forms, CJK compatibility forms, small form variants
        0xFE10, 0xFE19, 0xFE30, 0xFE6B,
        // Fullwidth forms (F)
        0xFF01, 0xFF60, 0xFFE0, 0xFFE6,
        // Tangut, Khitan, Nushu, Kana supplement and extensions
        0x16FE0, 0x1B2FB,
        // Mahjong, playing card joker, squared letters
        0x1F004, 0x1F004, 0x1F0CF, 0x1F0CF, 0x1F18E, 0x1F18E, 0x1F191, 0x1F19A,
        // Enclosed ideographic supplement, then Miscellaneous Symbols and Pictographs (U+1F300-1F5FF)
        0x1F200, 0x1F320, 0x1F32D, 0x1F335, 0x1F337, 0x1F37C, 0x1F37E, 0x1F393, 0x1F3A0, 0x1F3CA,
        0x1F3CF, 0x1F3D3, 0x1F3E0, 0x1F3F0, 0x1F3F4, 0x1F3F4, 0x1F3F8, 0x1F43E, 0x1F440, 0x1F440,
        0x1F442, 0x1F4FC, 0x1F4FF, 0x1F53D, 0x1F54B, 0x1F54E, 0x1F550, 0x1F567, 0x1F57A, 0x1F57A,
        0x1F595, 0x1F596, 0x1F5A4, 0x1F5A4, 0x1F5FB, 0x1F5FF,
        // Emoticons (U+1F600-1F64F)
        0x1F600, 0x1F64F,
        // Transport and Map Symbols (U+1F680-1F6FF)
        0x1F680, 0x1F6C5, 0x1F6CC, 0x1F6CC, 0x1F6D0, 0x1F6D2, 0x1F6D5, 0x1F6DF, 0x1F6EB, 0x1F6EC,
        0x1F6F4, 0x1F6FC,
        // Geometric Shapes Extended: large coloured circles and squares
        0x1F7E0, 0x1F7F0,
        // Supplemental Symbols and Pictographs (U+1F900-1F9FF)
        0x1F90C, 0x1F93A, 0x1F93C, 0x1F945, 0x1F947, 0x1F9FF,
        // Symbols and Pictographs Extended-A: every character of the block is an emoji
        0x1FA70, 0x1FAFF,
        // CJK extensions B and later, compatibility supplement (planes 2 and 3)
        0x20000, 0x3FFFD,
    };

    private CellWidth() {
    }

    /**
     * The cells one code point takes on its own: 0, 1 or 2 (see the class comment).
     *
     * @throws IllegalArgumentException when {@code codePoint} is not a Unicode code point
     */
    public static int of(int codePoint) {
        if (!Character.isValidCodePoint(codePoint)) {
            throw new IllegalArgumentException("Not a code point: " + codePoint);
        }
        if (codePoint < 0x7F) {
            return codePoint < 0x20 ? 0 : 1; // ASCII, by far the most common case
        }
        if (isZeroWidth(codePoint)) {
            return 0;
        }
        return isWide(codePoint) ? 2 : 1;
    }

    /** The cells {@code text} takes, measured in clusters (see the class comment). */
    public static int of(CharSequence text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            long cluster = cluster(text, i);
            width += width(cluster);
            i = end(cluster);
        }
        return width;
    }

    /**
     * {@code text} in exactly {@code columns} cells: padded with spaces when it is narrower, else
     * cut and ended with {@code …} (one cell). A cut falls only between clusters, never inside a
     * surrogate pair, an emoji sequence or a letter with its accents; a wide character that would
     * cross the last column is left out and its cell padded instead.
     *
     * @throws IllegalArgumentException when {@code columns} is negative
     */
    public static String fit(CharSequence text, int columns) {
        Objects.requireNonNull(text, "text");
        if (columns < 0) {
            throw new IllegalArgumentException("columns must not be negative: " + columns);
        }
        int width = of(text);
        if (width <= columns) {
            return pad(new StringBuilder(text), columns - width, false);
        }
        if (columns == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(columns + 8);
        int used = 0;
        int budget = columns - 1; // the ellipsis takes the last cell
        for (int i = 0; i < text.length(); ) {
            long cluster = cluster(text, i);
            if (used + width(cluster) > budget) {
                break;
            }
            out.append(text, i, end(cluster));
            used += width(cluster);
            i = end(cluster);
        }
        out.append(ELLIPSIS);
        return pad(out, columns - used - 1, false);
    }

    /** {@code text} followed by spaces up to {@code columns} cells; wider text is returned whole. */
    public static String padRight(CharSequence text, int columns) {
        return pad(new StringBuilder(text), columns - of(text), false);
    }

    /** {@code text} preceded by spaces up to {@code columns} cells, for numbers; wider text is returned whole. */
    public static String padLeft(CharSequence text, int columns) {
        return pad(new StringBuilder(text), columns - of(text), true);
    }

    private static String pad(StringBuilder text, int spaces, boolean left) {
        if (spaces > 0) {
            text.insert(left ? 0 : text.length(), " ".repeat(spaces));
        }
        return text.toString();
    }

    /*
     * A cluster is returned as one long (end index in the high half, width in the low half)
     * rather than as an object: measuring runs for every row on every repaint.
     */
    private static long cluster(CharSequence text, int start) {
        int length = text.length();
        int base = Character.codePointAt(text, start);
        int end = start + Character.charCount(base);
        if (Character.isISOControl(base)) {
            return pack(end, 0);
        }
        int width = of(base);
        if (isRegionalIndicator(base) && end < length && isRegionalIndicator(Character.codePointAt(text, end))) {
            end += 2; // the second indicator of a flag
            width = 2;
        }
        boolean pictograph = isPictograph(base);
        boolean emoji = false;
        while (end < length) {
            int next = Character.codePointAt(text, end);
            if (next == EMOJI_PRESENTATION) {
                emoji = true;
            } else if (isSkinTone(next) && (pictograph || emoji)) {
                emoji = true;
            } else if (next == ZERO_WIDTH_JOINER) {
                int after = end + 1;
                if ((pictograph || emoji) && after < length && isPictograph(Character.codePointAt(text, after))) {
                    // The joiner and the pictograph after it become part of one emoji picture.
                    emoji = true;
                    end = after;
                    next = Character.codePointAt(text, after);
                }
            } else if (!isExtender(next)) {
                break;
            }
            end += Character.charCount(next);
        }
        return pack(end, emoji ? 2 : width);
    }

    private static long pack(int end, int width) {
        return (long) end << 32 | width;
    }

    private static int end(long cluster) {
        return (int) (cluster >>> 32);
    }

    private static int width(long cluster) {
        return (int) cluster;
    }

    /** What stays in the cell of the character before it: marks, joiners, selectors. */
    private static boolean isExtender(int codePoint) {
        return !Character.isISOControl(codePoint) && of(codePoint) == 0;
    }

    private static boolean isZeroWidth(int codePoint) {
        if (Character.isISOControl(codePoint)) {
            return true;
        }
        if (codePoint >= 0x1160 && codePoint <= 0x11FF || codePoint >= 0xD7B0 && codePoint <= 0xD7FF) {
            return true;
        }
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.FORMAT && codePoint != SOFT_HYPHEN;
    }

    private static boolean isWide(int codePoint) {
        int low = 0;
        int high = WIDE.length / 2 - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (codePoint < WIDE[2 * middle]) {
                high = middle - 1;
            } else if (codePoint > WIDE[2 * middle + 1]) {
                low = middle + 1;
            } else {
                return true;
            }
        }
        return false;
    }

    private static boolean isRegionalIndicator(int codePoint) {
        return codePoint >= 0x1F1E6 && codePoint <= 0x1F1FF;
    }

    private static boolean isSkinTone(int codePoint) {
        return codePoint >= 0x1F3FB && codePoint <= 0x1F3FF;
    }

    /**
     * Characters that can take part in an emoji sequence: the symbol and dingbat blocks whose
     * characters have text presentation by default (so they need U+FE0F alone) and the emoji
     * planes' blocks. Broader than Unicode's Extended_Pictographic, which is fine: it only decides
     * what a U+200D or a skin tone may join.
     */
    private static boolean isPictograph(int codePoint) {
        return codePoint >= 0x1F000 && codePoint <= 0x1FAFF && !isRegionalIndicator(codePoint)
                || codePoint >= 0x2300 && codePoint <= 0x23FF
                || codePoint >= 0x2600 && codePoint <= 0x27BF
                || codePoint >= 0x2B00 && codePoint <= 0x2BFF;
    }
}
