package dev.pryx.net.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Redaction")
class RedactionTest {
    private static final char[] KEY = ProbeFixtures.KEY.toCharArray();

    @Nested
    @DisplayName("marks the key")
    class Key {

        @Test
        @DisplayName("whole")
        void whole() {
            assertThat(Redaction.detail("Incorrect API key provided: " + ProbeFixtures.KEY + ".", KEY))
                    .isEqualTo("Incorrect API key provided: [redacted].");
        }

        @Test
        @DisplayName("its last 8 or more characters, as a masked echo shows them")
        void tail() {
            assertThat(Redaction.detail("key sk-proj-****89abcdef is wrong", KEY)).isEqualTo("key sk-proj-****[redacted] is wrong");
            assertThat(Redaction.detail("key ****456789abcdef", KEY)).isEqualTo("key ****[redacted]");
        }

        @Test
        @DisplayName("its head, or any run of 8 or more of its characters")
        void anyRun() {
            assertThat(Redaction.detail("starts sk-test-LEAKCH...", KEY)).isEqualTo("starts [redacted]...");
            assertThat(Redaction.detail("middle CHECK-probe-01 here", KEY)).isEqualTo("middle [redacted] here");
        }

        @Test
        @DisplayName("but not a run shorter than 8, which says nothing about it")
        void shortRun() {
            assertThat(Redaction.detail("ends in 9abcdef", KEY)).isEqualTo("ends in 9abcdef");
        }

        @Test
        @DisplayName("a key shorter than 8 characters only whole")
        void shortKey() {
            char[] key = "abc123".toCharArray();
            assertThat(Redaction.detail("got abc123 and abc", key)).isEqualTo("got [redacted] and abc");
        }

        @Test
        @DisplayName("with no key, text passes unchanged")
        void noKey() {
            assertThat(Redaction.detail("plain text", null)).isEqualTo("plain text");
            assertThat(Redaction.detail("plain text", new char[0])).isEqualTo("plain text");
        }

        @Test
        @DisplayName("even when it straddles the point where a long text is cut")
        void atCut() {
            String text = "x".repeat(995) + ProbeFixtures.KEY;
            assertThat(Redaction.detail(text, KEY)).doesNotContain("LEAK").doesNotContain("sk-te");
        }
    }

    @Nested
    @DisplayName("makes one safe line")
    class OneLine {

        @Test
        @DisplayName("terminal escapes, line breaks and tabs become single spaces")
        void controls() {
            assertThat(Redaction.detail("red \u001b[31mALERT\u001b[0m\r\nnext\tline\u0007", null)).isEqualTo("red [31mALERT [0m next line");
        }

        @Test
        @DisplayName("invisible formatting (bidi overrides, zero-width) cannot reorder or hide text")
        void formatting() {
            assertThat(Redaction.detail("abc\u202Edef\u200Bghi\u2028jkl", null)).isEqualTo("abc def ghi jkl");
        }

        @Test
        @DisplayName("blank text is no detail")
        void blank() {
            assertThat(Redaction.detail(" \n\t ", null)).isNull();
            assertThat(Redaction.detail(null, KEY)).isNull();
        }

        @Test
        @DisplayName("long text is cut to 200 characters and says so")
        void truncated() {
            String d = Redaction.detail("abcdefghij".repeat(50), null);
            assertThat(d).hasSize(Redaction.MAX_DETAIL + 3).endsWith("...");
        }

        @Test
        @DisplayName("a cut never splits a surrogate pair")
        void surrogates() {
            String text = "a".repeat(Redaction.MAX_DETAIL - 1) + "\uD83D\uDE00" + "tail";
            assertThat(Redaction.truncate(text, Redaction.MAX_DETAIL)).isEqualTo("a".repeat(Redaction.MAX_DETAIL - 1) + "...");
        }
    }
}
