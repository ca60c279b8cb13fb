package dev.pryx.net.probe;

import dev.pryx.support.PlainText;

/**
 * Turns text a server or an exception produced into a safe one-line detail: the key (or any run
 * of 8 or more of its characters, in order) replaced by {@value #MARK}, control and invisible
 * formatting characters (which could drive a terminal or reorder text) replaced by spaces,
 * whitespace collapsed, and the length capped.
 *
 * <p>Providers echo keys in error bodies, whole or in part: OpenAI shows a masked key with its
 * last characters, others the first ones. Matching any run of the key (not only its head or its
 * tail) catches both; 8 characters is short enough for any echo worth hiding and long enough
 * that an unrelated word never matches a random key.
 */
final class Redaction {
    static final String MARK = "[redacted]";
    static final int MIN_RUN = 8;
    static final int MAX_DETAIL = 200;
    /** How much raw text is looked at before it is cut to {@link #MAX_DETAIL}. */
    private static final int MAX_SCANNED = 1000;

    private Redaction() {
    }

    /** A safe detail from {@code text} (null or blank gives null); {@code key} may be null. */
    static String detail(String text, char[] key) {
        if (text == null) {
            return null;
        }
        String scanned = text.length() > MAX_SCANNED ? text.substring(0, MAX_SCANNED) : text;
        String clean = redact(oneLine(scanned), key);
        return clean.isEmpty() ? null : truncate(clean, MAX_DETAIL);
    }

    /** {@code text} with every run of the key's characters of {@link #MIN_RUN} or more (or the whole key) marked. */
    static String redact(String text, char[] key) {
        if (key == null || key.length == 0 || text.isEmpty()) {
            return text;
        }
        int min = Math.min(MIN_RUN, key.length);
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int run = longestRun(text, i, key);
            if (run >= min) {
                out.append(MARK);
                i += run;
            } else {
                out.append(text.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    /** The longest stretch of {@code text} from {@code at} that equals some stretch of the key. */
    private static int longestRun(String text, int at, char[] key) {
        int best = 0;
        for (int j = 0; j < key.length; j++) {
            int n = 0;
            while (at + n < text.length() && j + n < key.length && text.charAt(at + n) == key[j + n]) {
                n++;
            }
            best = Math.max(best, n);
        }
        return best;
    }

    /** Unprintable characters and whitespace become single spaces between words (see {@link PlainText}). */
    static String oneLine(String text) {
        return PlainText.oneLine(text, Integer.MAX_VALUE - 1);
    }

    static String truncate(String text, int max) {
        return PlainText.cut(text, max);
    }
}
