package dev.pryx.tui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.pryx.support.PryxException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Choosing the theme at start")
class ThemeChoiceTest {
    @TempDir
    Path home;

    private static VirtualTui.Options unlocked() {
        return new VirtualTui.Options().env("PRYX_VAULT_PASSPHRASE", "correct horse battery");
    }

    @Test
    @DisplayName("NO_COLOR draws every cell in the terminal's default colours")
    void noColor() {
        try (VirtualTui tui = VirtualTui.start(home, unlocked().env("NO_COLOR", "1").env("COLORTERM", "truecolor"))) {
            for (int row = 0; row < 40; row++) {
                for (int column = 0; column < 120; column++) {
                    TextCharacter c = tui.cell(column, row);
                    assertThat(c.getForegroundColor()).as("fg at %d,%d", column, row).isEqualTo(TextColor.ANSI.DEFAULT);
                    assertThat(c.getBackgroundColor()).as("bg at %d,%d", column, row).isEqualTo(TextColor.ANSI.DEFAULT);
                }
            }
        }
    }

    @Test
    @DisplayName("with 24-bit colour the theme's RGB colours are drawn")
    void trueColour() {
        try (VirtualTui tui = VirtualTui.start(home, unlocked().env("COLORTERM", "truecolor"))) {
            assertThat(tui.cell(0, 1).getBackgroundColor()).isInstanceOf(TextColor.RGB.class);
        }
    }

    @Test
    @DisplayName("--theme wins over the saved choice for this run, without changing it")
    void flagWins() throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/tui.json"), "{\"theme\":\"dark\"}");
        try (VirtualTui tui = VirtualTui.start(home, unlocked().theme("light"))) {
            assertThat(tui.shell().themes().current()).isEqualTo("light");
        }
        assertThat(Files.readString(home.resolve("config/tui.json"))).contains("dark");
    }

    @Test
    @DisplayName("an unknown --theme is a usage error naming the themes, before the terminal is touched")
    void unknownFlag() {
        assertThatThrownBy(() -> VirtualTui.start(home, unlocked().theme("neon")))
                .isInstanceOf(PryxException.class).hasMessageContaining("Unknown theme 'neon'")
                .hasMessageContaining("high-contrast");
    }

    @Test
    @DisplayName("a saved theme that no longer loads falls back to dark and says why")
    void brokenSaved() throws IOException {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/tui.json"), "{\"theme\":\"gone\"}");
        try (VirtualTui tui = VirtualTui.start(home, unlocked())) {
            assertThat(tui.shell().themes().current()).isEqualTo("dark");
            assertThat(tui.frames()).anyMatch(frame -> frame.contains("Using the default theme"));
        }
    }
}
