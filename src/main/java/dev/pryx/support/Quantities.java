package dev.pryx.support;

import java.util.Locale;

/**
 * Token counts and byte sizes written the way people read them in model listings, the same in
 * every face: {@code 128k}, {@code 1.5M} tokens; {@code 4.9 GB} on disk. "-" when unknown.
 */
public final class Quantities {
    private Quantities() {
    }

    /** Tokens the way model cards write them: {@code 512}, {@code 128k}, {@code 1M}, {@code 1.5M}. */
    public static String tokens(Long tokens) {
        if (tokens == null || tokens <= 0) {
            return "-";
        }
        long t = tokens;
        if (t >= 1_000_000) {
            String m = String.format(Locale.ROOT, "%.1f", t / 1_000_000.0);
            return (m.endsWith(".0") ? m.substring(0, m.length() - 2) : m) + "M";
        }
        if (t >= 1_000) {
            return Math.round(t / 1_000.0) + "k";
        }
        return String.valueOf(t);
    }

    /** Decimal units, as {@code ollama list} shows them: {@code 274 MB}, {@code 4.9 GB}, {@code 14 GB}. */
    public static String bytes(Long n) {
        if (n == null || n < 0) {
            return "-";
        }
        String[] units = {"B", "KB", "MB", "GB", "TB"};
        double v = n;
        int u = 0;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (u == 0 || v >= 10 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v)) + " "
                + units[u];
    }
}
