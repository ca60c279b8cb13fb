package dev.pryx.tui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.TestSecrets;
import dev.pryx.provider.PassphraseSource;
import dev.pryx.support.PryxPaths;
import dev.pryx.tui.VirtualTui;
import dev.pryx.tui.providers.ProviderListPane;
import dev.pryx.tui.text.CellWidth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("SettingsPane on a virtual terminal")
class SettingsPaneTest {
    @TempDir
    Path home;

    private static VirtualTui.Options options() {
        return new VirtualTui.Options().env(PassphraseSource.PASSPHRASE_VARIABLE, TestSecrets.PASSPHRASE);
    }

    private static SettingsPane openSettings(VirtualTui tui) {
        tui.type("s");
        assertThat(tui.top()).isInstanceOf(SettingsPane.class);
        return (SettingsPane) tui.top();
    }

    /** Moves the selection down to {@code name}. */
    private static void selectTheme(VirtualTui tui, SettingsPane pane, String name) {
        for (int i = 0; i < 10 && !name.equals(pane.model().selectedName()); i++) {
            tui.press(KeyType.ArrowDown);
        }
        assertThat(pane.model().selectedName()).isEqualTo(name);
    }

    @Test
    @DisplayName("choosing light applies it at once, saves it in tui.json, and the next start uses it")
    void switchTheme() throws IOException {
        TextColor darkBackground;
        try (VirtualTui tui = VirtualTui.start(home, options())) {
            assertThat(tui.shell().themes().current()).isEqualTo("dark");
            darkBackground = tui.cell(0, 0).getBackgroundColor();
            SettingsPane pane = openSettings(tui);
            assertThat(tui.screen()).contains("● dark").contains("built-in, in use").contains("light");

            selectTheme(tui, pane, "light");
            tui.press(KeyType.Enter);
            assertThat(tui.shell().themes().current()).isEqualTo("light");
            assertThat(tui.screen()).contains("Switched to the light theme").contains("● light");
            assertThat(tui.cell(0, 0).getBackgroundColor()).as("repainted at once").isNotEqualTo(darkBackground);

            tui.press(KeyType.Escape);
            assertThat(tui.top()).isInstanceOf(ProviderListPane.class);
        }
        Path saved = PryxPaths.under(home).config().resolve("tui.json");
        assertThat(Files.readString(saved, StandardCharsets.UTF_8)).contains("\"theme\"").contains("\"light\"");

        try (VirtualTui again = VirtualTui.start(home, options())) {
            assertThat(again.shell().themes().current()).isEqualTo("light");
            assertThat(again.cell(0, 0).getBackgroundColor()).isNotEqualTo(darkBackground);
        }
    }

    @Test
    @DisplayName("a user's theme file is listed as theirs")
    void userTheme() throws IOException {
        Path themes = PryxPaths.under(home).config().resolve("themes");
        Files.createDirectories(themes);
        try (var in = SettingsPaneTest.class.getResourceAsStream("/themes/light.properties")) {
            Files.write(themes.resolve("paper.properties"), in.readAllBytes());
        }
        try (VirtualTui tui = VirtualTui.start(home, options())) {
            SettingsPane pane = openSettings(tui);
            assertThat(tui.screen()).contains("paper").contains("your theme");
            selectTheme(tui, pane, "paper");
            tui.press(KeyType.Enter);
            assertThat(tui.shell().themes().current()).isEqualTo("paper");
        }
    }

    @Test
    @DisplayName("fits 80x24 with the themes, the colour mode, the user-theme note and the footer")
    void small() {
        try (VirtualTui tui = VirtualTui.start(home, options().size(80, 24))) {
            openSettings(tui);
            String screen = tui.screen();
            assertThat(screen).contains("high-contrast").contains("Colours: 16 colours").contains("NAME.properties");
            String[] rows = screen.split("\n");
            assertThat(rows).hasSize(24).allSatisfy(r -> assertThat(CellWidth.of(r)).isLessThanOrEqualTo(80));
            assertThat(rows[23]).contains("Enter apply theme").contains("q quit");
        }
    }
}
