package dev.pryx.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PlainText")
class PlainTextTest {
    @Test
    @DisplayName("terminal controls, bidi overrides, tag characters, private use and lone surrogates become spaces")
    void unprintable() {
        String tags = "\uDB40\uDC69\uDB40\uDC67"; // U+E0069 U+E0067
        String raw = "a\u001b[2Jb\u202ec" + tags + "d\uE000e\uD800f\u2028g\tzz";
        assertThat(PlainText.oneLine(raw, 100)).isEqualTo("a [2Jb c d e f g zz");
        assertThat(PlainText.hasUnprintable("plain 🚀 text, 中文")).isFalse();
        assertThat(PlainText.hasUnprintable("x" + tags)).isTrue();
        assertThat(PlainText.hasUnprintable("x\uDC00")).as("a lone low surrogate").isTrue();
    }

    @Test
    @DisplayName("emoji and other characters beyond the first plane are kept whole, also where the text is cut")
    void surrogatePairs() {
        assertThat(PlainText.oneLine("  🚀  to   the 🌕  ", 100)).isEqualTo("🚀 to the 🌕");
        assertThat(PlainText.oneLine("ab🚀cd", 3)).isEqualTo("ab...");
        assertThat(PlainText.cut("ab🚀cd", 4)).isEqualTo("ab🚀...");
        assertThat(PlainText.oneLine("\u0000\u200b", 10)).as("nothing printable left").isEmpty();
    }
}
