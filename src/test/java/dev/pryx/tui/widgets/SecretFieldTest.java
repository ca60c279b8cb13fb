package dev.pryx.tui.widgets;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.support.Secret;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The secret field")
class SecretFieldTest {
    @Test
    @DisplayName("keeps what is typed, with Backspace and Ctrl+U, and ignores Ctrl and Alt letters")
    void editing() {
        SecretField field = new SecretField();
        for (char c : "abcd".toCharArray()) {
            field.handleKeyStroke(new KeyStroke(c, false, false));
        }
        field.handleKeyStroke(new KeyStroke(KeyType.Backspace));
        field.handleKeyStroke(new KeyStroke('x', true, false));
        field.handleKeyStroke(new KeyStroke('y', false, true));
        try (Secret value = field.value()) {
            assertThat(new String(value.chars())).isEqualTo("abc");
        }
        field.handleKeyStroke(new KeyStroke('u', true, false));
        assertThat(field.length()).isZero();
    }

    @Test
    @DisplayName("grows past its first buffer without losing characters")
    void grows() {
        SecretField field = new SecretField();
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            char c = (char) ('a' + i % 26);
            typed.append(c);
            field.append(c);
        }
        try (Secret value = field.value()) {
            assertThat(new String(value.chars())).isEqualTo(typed.toString());
        }
    }

    @Test
    @DisplayName("drops line breaks and control characters (a pasted key with its newline)")
    void dropsLineBreaks() {
        SecretField field = new SecretField();
        for (char c : "ab\r\nc\t".toCharArray()) {
            field.append(c);
        }
        assertThat(field.length()).isEqualTo(3);
    }

    @Test
    @DisplayName("draws only the mask and the count, cut to the width")
    void mask() {
        assertThat(SecretField.masked(0, 10)).isEqualTo(" ".repeat(10));
        assertThat(SecretField.masked(3, 30)).isEqualTo("•••  3 characters" + " ".repeat(13));
        assertThat(SecretField.masked(100, 30)).startsWith("•").endsWith("100 characters").hasSize(30);
        assertThat(SecretField.masked(100, 5)).isEqualTo("•••••");
    }
}
