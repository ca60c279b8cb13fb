package dev.pryx.tui.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.Theme;
import dev.pryx.support.PryxException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("ThemeCatalog")
class ThemeCatalogTest {
    private static final String RED_THEME = "foreground = #ff0000\nbackground = #000000\n";

    @TempDir
    Path dir;

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static TextColor foreground(Theme theme) {
        return theme.getDefaultDefinition().getNormal().getForeground();
    }

    @Nested
    @DisplayName("built-in themes")
    class BuiltIn {
        @Test
        @DisplayName("are listed and load from the class path, the default among them")
        void listedAndLoaded() {
            ThemeCatalog catalog = ThemeCatalog.builtInOnly();
            assertThat(catalog.names()).containsExactly("dark", "high-contrast", "light");
            assertThat(catalog.names()).contains(ThemeCatalog.DEFAULT_THEME);
            for (String name : catalog.names()) {
                assertThat(catalog.load(name)).as(name).isNotNull();
                assertThat(catalog.isUserTheme(name)).isFalse();
            }
            assertThat(foreground(catalog.load("high-contrast"))).isEqualTo(new TextColor.RGB(255, 255, 255));
        }

        @Test
        @DisplayName("are still there when the user folder does not exist")
        void missingUserFolder() {
            ThemeCatalog catalog = new ThemeCatalog(dir.resolve("no-such-folder"));
            assertThat(catalog.names()).containsExactly("dark", "high-contrast", "light");
            assertThat(catalog.load("light")).isNotNull();
        }
    }

    @Nested
    @DisplayName("user themes")
    class User {
        @Test
        @DisplayName("are listed beside the built-in ones and load from the folder")
        void listed() throws IOException {
            write(dir.resolve("solar_flare.properties"), RED_THEME);
            write(dir.resolve("notes.txt"), "not a theme");
            write(dir.resolve("has.dot.properties"), RED_THEME); // no --theme could name it
            ThemeCatalog catalog = new ThemeCatalog(dir);
            assertThat(catalog.names()).containsExactly("dark", "high-contrast", "light", "solar_flare");
            assertThat(catalog.isUserTheme("solar_flare")).isTrue();
            assertThat(foreground(catalog.load("solar_flare"))).isEqualTo(new TextColor.RGB(255, 0, 0));
        }

        @Test
        @DisplayName("shadow a built-in theme of the same name")
        void shadow() throws IOException {
            write(dir.resolve("dark.properties"), RED_THEME);
            ThemeCatalog catalog = new ThemeCatalog(dir);
            assertThat(catalog.names()).containsExactly("dark", "high-contrast", "light");
            assertThat(catalog.isUserTheme("dark")).isTrue();
            assertThat(foreground(catalog.load("dark"))).isEqualTo(new TextColor.RGB(255, 0, 0));
            assertThat(foreground(ThemeCatalog.builtInOnly().load("dark"))).isNotEqualTo(new TextColor.RGB(255, 0, 0));
        }

        @Test
        @DisplayName("are read as UTF-8, so border characters can be written as they look")
        void utf8() throws IOException {
            write(dir.resolve("boxy.properties"),
                    RED_THEME + "com.googlecode.lanterna.gui2.CheckBoxList.char[MARKER] = \u2714\n");
            Theme theme = new ThemeCatalog(dir).load("boxy");
            assertThat(theme.getDefinition(com.googlecode.lanterna.gui2.CheckBoxList.class).getCharacter("MARKER", 'x'))
                    .isEqualTo('\u2714');
        }
    }

    @Nested
    @DisplayName("refuses")
    class Refuses {
        @ParameterizedTest(name = "''{0}''")
        @ValueSource(strings = {"", "..", "../dark", "a/b", "a\\b", "/etc/passwd", "dark.properties", ".hidden",
            "-dash", "has space", "x\u0000y"})
        @DisplayName("names that are not plain names, before touching the file system")
        void badNames(String name) throws IOException {
            write(dir.resolve(".hidden.properties"), RED_THEME);
            ThemeCatalog catalog = new ThemeCatalog(dir.resolve("themes"));
            assertThatThrownBy(() -> catalog.load(name))
                    .isInstanceOfSatisfying(PryxException.class,
                            e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.USAGE))
                    .hasMessageStartingWith("Invalid theme name")
                    .hasMessageContaining("--theme");
        }

        @Test
        @DisplayName("a name with control characters, without echoing them to the terminal")
        void controlCharacters() {
            assertThatThrownBy(() -> ThemeCatalog.builtInOnly().load("dark\u001b[2J"))
                    .isInstanceOf(PryxException.class)
                    .hasMessageStartingWith("Invalid theme name 'dark?[2J'")
                    .hasMessageNotContaining("\u001b");
        }

        @Test
        @DisplayName("a null name")
        void nullName() {
            assertThatThrownBy(() -> ThemeCatalog.builtInOnly().load(null))
                    .isInstanceOf(PryxException.class)
                    .hasMessageStartingWith("Invalid theme name");
        }

        @Test
        @DisplayName("an unknown name, listing the themes there are")
        void unknown() throws IOException {
            write(dir.resolve("mine.properties"), RED_THEME);
            assertThatThrownBy(() -> new ThemeCatalog(dir).load("solarized"))
                    .isInstanceOfSatisfying(PryxException.class,
                            e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.USAGE))
                    .hasMessage("Unknown theme 'solarized'. Available themes: dark, high-contrast, light, mine.");
        }
    }

    @Nested
    @DisplayName("reports a broken user theme, naming the file")
    class Broken {
        @ParameterizedTest(name = "{0}")
        @DisplayName("that Lanterna or the class-name check rejects")
        @ValueSource(strings = {
            "com.example.NoSuchWidget.foreground = red",
            "com.googlecode.lanterna.gui2.NoSuchWidget.foreground = red",
            "foreground = not-a-colour",
            "sgr = bold,wobbly",
            "foreground[SELECTED = red",
            "com.googlecode.lanterna.gui2.Button.renderer = java.lang.Object",
            "com.googlecode.lanterna.gui2.Button.renderer = com.googlecode.lanterna.gui2.NoSuchRenderer",
            "com.googlecode.lanterna.gui2.Button.renderer = com.googlecode.lanterna.gui2.Label",
            "postrenderer = com.googlecode.lanterna.gui2.NoSuchRenderer",
            "foreground = \\u12",
        })
        void broken(String line) throws IOException {
            Path file = dir.resolve("broken.properties");
            write(file, RED_THEME + line + "\n");
            ThemeCatalog catalog = new ThemeCatalog(dir);
            assertThat(catalog.names()).contains("broken");
            assertThatThrownBy(() -> catalog.load("broken"))
                    .isInstanceOfSatisfying(PryxException.class,
                            e -> assertThat(e.kind()).isEqualTo(PryxException.Kind.USAGE))
                    .hasMessageStartingWith("Theme file " + file + " is not a valid Lanterna theme: ")
                    .hasMessageEndingWith("Fix it, or remove it to use the built-in themes.")
                    .hasMessageNotContaining("..");
        }

        @Test
        @DisplayName("and never touches classes outside Lanterna's GUI and pryx's TUI")
        void foreignClass() throws IOException {
            write(dir.resolve("sneaky.properties"), RED_THEME + "dev.pryx.Main.foreground = red\n");
            assertThatThrownBy(() -> new ThemeCatalog(dir).load("sneaky"))
                    .isInstanceOf(PryxException.class)
                    .hasMessageContaining("class 'dev.pryx.Main' in key dev.pryx.Main.foreground is not allowed");
        }

        @Test
        @DisplayName("and an unreadable one")
        void unreadable() throws IOException {
            Path file = dir.resolve("locked.properties");
            write(file, RED_THEME);
            assumeTrue(file.toFile().setReadable(false) && !Files.isReadable(file),
                    "needs file permissions that apply (not root)");
            try {
                assertThatThrownBy(() -> new ThemeCatalog(dir).load("locked"))
                        .isInstanceOf(PryxException.class)
                        .hasMessageStartingWith("Cannot read theme file " + file);
            } finally {
                file.toFile().setReadable(true);
            }
        }
    }

    static Stream<Arguments> builtInsAndModes() {
        return ThemeCatalog.BUILT_IN.stream()
                .flatMap(name -> Stream.of(ColorMode.values()).map(mode -> Arguments.of(name, mode)));
    }

    @Nested
    @DisplayName("loads for a colour mode")
    class ForMode {
        @ParameterizedTest(name = "{0} in {1}")
        @MethodSource("dev.pryx.tui.theme.ThemeCatalogTest#builtInsAndModes")
        @DisplayName("every built-in theme in every mode")
        void everyBuiltIn(String name, ColorMode mode) {
            Theme theme = ThemeCatalog.builtInOnly().load(name, mode);
            TextColor fg = foreground(theme);
            switch (mode) {
                case TRUE_COLOR -> assertThat(fg).isInstanceOf(TextColor.RGB.class);
                case PALETTE_256 -> assertThat(fg).isInstanceOf(TextColor.Indexed.class);
                case ANSI_16 -> assertThat(fg).isInstanceOf(TextColor.ANSI.class).isNotEqualTo(TextColor.ANSI.DEFAULT);
                case NONE -> assertThat(fg).isEqualTo(TextColor.ANSI.DEFAULT);
            }
        }

        @Test
        @DisplayName("and without a mode as written, in 24-bit colour")
        void defaultIsTrueColor() {
            ThemeCatalog catalog = ThemeCatalog.builtInOnly();
            assertThat(foreground(catalog.load("dark"))).isEqualTo(foreground(catalog.load("dark", ColorMode.TRUE_COLOR)))
                    .isEqualTo(new TextColor.RGB(0xd9, 0xdc, 0xe3));
        }

        @Test
        @DisplayName("mapping a user theme's colours the same way")
        void userTheme() throws IOException {
            write(dir.resolve("red.properties"), RED_THEME + "foreground[SELECTED] = #ffffff\nbackground[SELECTED] = #0000ff\n");
            ThemeCatalog catalog = new ThemeCatalog(dir);
            assertThat(foreground(catalog.load("red", ColorMode.PALETTE_256))).isEqualTo(new TextColor.Indexed(196));
            assertThat(foreground(catalog.load("red", ColorMode.ANSI_16))).isEqualTo(TextColor.ANSI.RED_BRIGHT);
            Theme none = catalog.load("red", ColorMode.NONE);
            assertThat(foreground(none)).isEqualTo(TextColor.ANSI.DEFAULT);
            assertThat(none.getDefaultDefinition().getSelected().getSGRs()).containsExactly(SGR.REVERSE);
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ColorMode.class)
        @DisplayName("refusing a broken user theme in every mode alike")
        void brokenInEveryMode(ColorMode mode) throws IOException {
            for (String line : new String[] {"foreground = not-a-colour", "sgr[SELECTED] = bold,wobbly",
                "com.googlecode.lanterna.gui2.NoSuchWidget.foreground = #ff0000"}) {
                Path file = dir.resolve("broken.properties");
                write(file, RED_THEME + line + "\n");
                assertThatThrownBy(() -> new ThemeCatalog(dir).load("broken", mode))
                        .as(line)
                        .isInstanceOf(PryxException.class)
                        .hasMessageStartingWith("Theme file " + file + " is not a valid Lanterna theme: ");
            }
        }

        @Test
        @DisplayName("but not for a missing mode")
        void nullMode() {
            assertThatNullPointerException().isThrownBy(() -> ThemeCatalog.builtInOnly().load("dark", null));
        }
    }
}
