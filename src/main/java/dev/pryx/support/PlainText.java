package dev.pryx.support;

/**
 * Text from outside (a server's error message, a model's name, a user's file) made safe to show on
 * one line of a terminal: no control characters that could drive it, no invisible characters that
 * could hide text (format characters such as U+202E or the tag characters U+E0000-E007F, private
 * use, unassigned code points, lone surrogate halves). Works by code point, so characters beyond
 * the first plane are judged whole.
 */
public final class PlainText {
    private PlainText() {
    }

    /** Whether a code point must not be shown as it is. */
    public static boolean isUnprintable(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isISOControl(codePoint) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE || type == Character.SURROGATE;
    }

    /** Whether any code point of {@code text} is unprintable. */
    public static boolean hasUnprintable(String text) {
        return text.codePoints().anyMatch(PlainText::isUnprintable);
    }

    /**
     * One line: unprintable characters and whitespace of every kind become a single space between
     * words (none at the ends); cut to at most {@code max} characters plus "..." when longer,
     * never inside a surrogate pair. Empty when nothing printable is left.
     */
    public static String oneLine(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() <= max; i += Character.charCount(text.codePointAt(i))) {
            int c = text.codePointAt(i);
            if (isUnprintable(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) {
                out.append(' ');
            }
            space = false;
            out.appendCodePoint(c);
        }
        return out.length() > max ? cut(out.toString(), max) : out.toString();
    }

    /** {@code text} cut to at most {@code max} characters plus "...", never inside a surrogate pair. */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end).stripTrailing() + "...";
    }
}
