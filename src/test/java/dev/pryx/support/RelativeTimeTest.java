package dev.pryx.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("RelativeTime")
class RelativeTimeTest {
    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @ParameterizedTest(name = "{0} s before now: {1}")
    @CsvSource({
            "0, just now",
            "44, just now",
            "45, 1 minute ago",
            "89, 1 minute ago",
            "3000, 50 minutes ago",
            "3599, 1 hour ago",
            "7200, 2 hours ago",
            "172799, 2 days ago",
            "259200, 3 days ago",
            "5184000, 2 months ago",
            "63115200, 2 years ago"})
    void past(long seconds, String expected) {
        assertThat(RelativeTime.describe(NOW.minusSeconds(seconds), NOW)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} s before now, compact: {1}")
    @CsvSource({"10, now", "300, 5m", "7200, 2h", "259200, 3d", "5184000, 2mo", "63115200, 2y"})
    void compact(long seconds, String expected) {
        assertThat(RelativeTime.compact(NOW.minusSeconds(seconds), NOW)).isEqualTo(expected);
        assertThat(RelativeTime.compact(NOW.plusSeconds(seconds), NOW)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} s after now: {1}")
    @CsvSource({"10, in a moment", "3600, in 1 hour", "86400, in 24 hours", "1209600, in 14 days"})
    void future(long seconds, String expected) {
        assertThat(RelativeTime.describe(NOW.plus(Duration.ofSeconds(seconds)), NOW)).isEqualTo(expected);
    }
}
