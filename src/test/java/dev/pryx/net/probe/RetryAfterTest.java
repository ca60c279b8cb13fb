package dev.pryx.net.probe;

import static dev.pryx.net.probe.ProbeFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("how long a 429 asks to wait")
class RetryAfterTest {

    @Nested
    @DisplayName("the Retry-After header")
    class Header {

        @ParameterizedTest(name = "\"{0}\" is {1} s")
        @CsvSource({"0, 0", "1, 1", "30, 30", "' 120 ', 120", "86400, 86400"})
        @DisplayName("in seconds")
        void seconds(String value, long seconds) {
            assertThat(RetryAfter.fromHeader(value, NOW)).isEqualTo(Duration.ofSeconds(seconds));
        }

        @Test
        @DisplayName("as an HTTP-date, counted from now")
        void date() {
            assertThat(RetryAfter.fromHeader("Sun, 01 Jun 2025 12:01:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(90));
        }

        @Test
        @DisplayName("as an HTTP-date already past: no wait")
        void pastDate() {
            assertThat(RetryAfter.fromHeader("Sat, 31 May 2025 12:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "soon", "-5", "1.5", "12345678901", "2025-06-01T12:01:00Z", "Sun, 01 Jun 2025"})
        @DisplayName("unreadable: unknown")
        void unreadable(String value) {
            assertThat(RetryAfter.fromHeader(value, NOW)).isNull();
        }

        @Test
        @DisplayName("absent: unknown")
        void absent() {
            assertThat(RetryAfter.fromHeader(null, NOW)).isNull();
        }
    }

    @Nested
    @DisplayName("Google's RetryInfo.retryDelay")
    class ProtoDuration {

        @ParameterizedTest(name = "\"{0}\" is {1} s")
        @CsvSource({"37s, 37", "0s, 0", "0.5s, 1", "1.000000001s, 2", "60s, 60"})
        @DisplayName("rounded up to whole seconds")
        void parsed(String value, long seconds) {
            assertThat(RetryAfter.fromProtoDuration(value)).isEqualTo(Duration.ofSeconds(seconds));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "37", "s", "-1s", "1m", "1.s"})
        @DisplayName("unreadable: unknown")
        void unreadable(String value) {
            assertThat(RetryAfter.fromProtoDuration(value)).isNull();
        }
    }

    @Test
    @DisplayName("waits read as people say them")
    void humanized() {
        assertThat(Wording.humanize(Duration.ofMillis(300))).isEqualTo("1 second");
        assertThat(Wording.humanize(Duration.ZERO)).isEqualTo("1 second");
        assertThat(Wording.humanize(Duration.ofSeconds(45))).isEqualTo("45 seconds");
        assertThat(Wording.humanize(Duration.ofSeconds(119))).isEqualTo("119 seconds");
        assertThat(Wording.humanize(Duration.ofSeconds(121))).isEqualTo("3 minutes");
        assertThat(Wording.humanize(Duration.ofMinutes(90))).isEqualTo("90 minutes");
        assertThat(Wording.humanize(Duration.ofHours(5))).isEqualTo("5 hours");
    }
}
