package dev.pryx.net.probe;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** How long a 429 asks to wait, from the forms providers use. */
final class RetryAfter {
    private static final Pattern SECONDS = Pattern.compile("\\d{1,10}");
    /** google.protobuf.Duration in JSON, as Google's {@code RetryInfo.retryDelay} carries it: "37s", "0.5s". */
    private static final Pattern PROTO_DURATION = Pattern.compile("\\d{1,10}(\\.\\d{1,9})?s");

    private RetryAfter() {
    }

    /**
     * A {@code Retry-After} header (RFC 9110): delta-seconds or an HTTP-date, which counts from
     * {@code now} (a date in the past means "now": zero). Null when absent or unreadable.
     */
    static Duration fromHeader(String value, Instant now) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (SECONDS.matcher(v).matches()) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Google's {@code retryDelay} ("37s", "1.5s"), rounded up to whole seconds; null when unreadable. */
    static Duration fromProtoDuration(String value) {
        if (value == null || !PROTO_DURATION.matcher(value.strip()).matches()) {
            return null;
        }
        String v = value.strip();
        BigDecimal seconds = new BigDecimal(v.substring(0, v.length() - 1));
        return Duration.ofSeconds(seconds.setScale(0, java.math.RoundingMode.CEILING).longValueExact());
    }
}
