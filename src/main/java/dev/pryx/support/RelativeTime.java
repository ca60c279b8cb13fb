package dev.pryx.support;

import java.time.Duration;
import java.time.Instant;

/**
 * "3 days ago" / "in 2 hours": how a person reads the age of a key or a test at a glance. Exact
 * times stay in {@code --json}; this is only for boards and status lines.
 */
public final class RelativeTime {
    private RelativeTime() {
    }

    /** {@code then} relative to {@code now}: "just now", "5 minutes ago", "in 2 days", ... */
    public static String describe(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        boolean past = !d.isNegative();
        long seconds = Math.abs(d.getSeconds());
        if (seconds < 45) {
            return past ? "just now" : "in a moment";
        }
        String amount = amount(seconds);
        return past ? amount + " ago" : "in " + amount;
    }

    /** The same in a few cells, for table columns: "now", "5m", "3h", "2d", "4mo", "2y" (past or future alike). */
    public static String compact(Instant then, Instant now) {
        long seconds = Math.abs(Duration.between(then, now).getSeconds());
        if (seconds < 45) {
            return "now";
        }
        String[] words = amount(seconds).split(" ");
        String unit = words[1];
        return words[0] + (unit.startsWith("month") ? "mo" : unit.substring(0, 1));
    }

    private static String amount(long seconds) {
        long minutes = Math.round(seconds / 60.0);
        if (minutes < 60) {
            return plural(Math.max(1, minutes), "minute");
        }
        long hours = Math.round(seconds / 3600.0);
        if (hours < 48) {
            return plural(hours, "hour");
        }
        long days = Math.round(seconds / 86_400.0);
        if (days < 60) {
            return plural(days, "day");
        }
        long months = Math.round(days / 30.44);
        if (months < 24) {
            return plural(months, "month");
        }
        return plural(Math.round(days / 365.25), "year");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
