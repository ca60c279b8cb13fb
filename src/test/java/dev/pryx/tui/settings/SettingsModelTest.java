package dev.pryx.tui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.support.PryxException;
import dev.pryx.tui.theme.ColorMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("SettingsModel")
class SettingsModelTest {
    /** Themes in memory: what was chosen is recorded; "broken" cannot be loaded. */
    static final class FakeThemes implements SettingsModel.Themes {
        final List<String> names = new ArrayList<>(List.of("dark", "high-contrast", "light"));
        final List<String> chosen = new ArrayList<>();
        String current = "dark";

        @Override
        public List<String> names() {
            return List.copyOf(names);
        }

        @Override
        public String current() {
            return current;
        }

        @Override
        public void choose(String name) {
            if (name.equals("broken")) {
                throw new PryxException(PryxException.Kind.USAGE, "Theme file broken.properties is not a valid Lanterna theme.");
            }
            chosen.add(name);
            current = name;
        }
    }

    private final FakeThemes themes = new FakeThemes();

    @Nested
    @DisplayName("the list")
    class Rows {
        @Test
        @DisplayName("starts on the theme in use, marked, with where each comes from")
        void marked() {
            SettingsModel model = new SettingsModel(themes, ColorMode.ANSI_16);
            assertThat(model.selectedName()).isEqualTo("dark");
            assertThat(model.rows()).containsExactly(
                    new SettingsModel.Row("●", "dark", "built-in, in use"),
                    new SettingsModel.Row(" ", "high-contrast", "built-in"),
                    new SettingsModel.Row(" ", "light", "built-in"));
        }

        @Test
        @DisplayName("a user's file shows as theirs, and appears on reload with the selection kept")
        void userTheme() {
            SettingsModel model = new SettingsModel(themes, ColorMode.ANSI_16);
            model.select(2);
            themes.names.add(0, "aurora");
            model.reload();
            assertThat(model.selectedName()).isEqualTo("light");
            assertThat(model.rows().get(0)).isEqualTo(new SettingsModel.Row(" ", "aurora", "your theme"));
        }

        @Test
        @DisplayName("the selection stays within the list")
        void bounds() {
            SettingsModel model = new SettingsModel(themes, ColorMode.ANSI_16);
            model.select(99);
            assertThat(model.selectedName()).isEqualTo("light");
            model.select(-3);
            assertThat(model.selectedName()).isEqualTo("dark");
        }
    }

    @Nested
    @DisplayName("applying")
    class Applying {
        @Test
        @DisplayName("chooses the selected theme and moves the marker")
        void apply() {
            SettingsModel model = new SettingsModel(themes, ColorMode.ANSI_16);
            model.select(2);
            assertThat(model.apply()).isEqualTo("Switched to the light theme; pryx starts with it from now on.");
            assertThat(themes.chosen).containsExactly("light");
            assertThat(model.rows().get(2).marker()).isEqualTo("●");
            assertThat(model.rows().get(0).marker()).isEqualTo(" ");
        }

        @Test
        @DisplayName("the theme in use is not chosen again")
        void same() {
            SettingsModel model = new SettingsModel(themes, ColorMode.ANSI_16);
            assertThat(model.apply()).contains("already in use");
            assertThat(themes.chosen).isEmpty();
        }

        @Test
        @DisplayName("a theme that cannot be loaded fails with its reason and changes nothing")
        void broken() {
            themes.names.add("broken");
            SettingsModel model = new SettingsModel(themes, ColorMode.ANSI_16);
            model.select(3);
            assertThatThrownBy(model::apply).isInstanceOf(PryxException.class).hasMessageContaining("broken.properties");
            assertThat(themes.current()).isEqualTo("dark");
        }
    }

    @Test
    @DisplayName("names the colour mode and where a person's own themes go, in lines that fit 80 columns")
    void explanations() {
        assertThat(new SettingsModel(themes, ColorMode.TRUE_COLOR).colourLine()).contains("24-bit");
        assertThat(new SettingsModel(themes, ColorMode.PALETTE_256).colourLine()).contains("256 colours");
        assertThat(new SettingsModel(themes, ColorMode.NONE).colourLine()).contains("none");
        assertThat(new SettingsModel(themes, ColorMode.ANSI_16).colourLine()).hasSizeLessThanOrEqualTo(78);
        assertThat(SettingsModel.userThemeLines(java.nio.file.Path.of("/home/ana/.config/pryx/themes"))).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(78));
        assertThat(String.join(" ", SettingsModel.userThemeLines(java.nio.file.Path.of("/home/ana/.config/pryx/themes")))).contains("NAME.properties")
                .contains("/home/ana/.config/pryx/themes");
    }
}
