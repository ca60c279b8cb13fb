package dev.pryx.tui.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.PropertyTheme;
import com.googlecode.lanterna.graphics.Theme;
import com.googlecode.lanterna.graphics.ThemeDefinition;
import com.googlecode.lanterna.graphics.ThemeStyle;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.TextBox;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("ThemeColors")
class ThemeColorsTest {
    private static final String GUI = "com.googlecode.lanterna.gui2.";
    private static final Pattern COLOR_KEY = Pattern.compile("(?:(.*)\\.)?(foreground|background)(?:\\[(.+)])?");

    private static Properties props(String text) {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }

    private static Properties builtIn(String name) {
        Properties p = new Properties();
        try (InputStream in = ThemeCatalog.class.getResourceAsStream("/themes/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return p;
    }

    private static Theme strict(Properties p) {
        return new PropertyTheme(p, false);
    }

    private static Properties map(String text, ColorMode mode) {
        return ThemeColors.forMode(props(text), mode);
    }

    static List<String> builtInNames() {
        return ThemeCatalog.BUILT_IN;
    }

    static Stream<Arguments> themesAndModes() {
        return ThemeCatalog.BUILT_IN.stream()
                .flatMap(name -> Stream.of(ColorMode.values()).map(mode -> Arguments.of(name, mode)));
    }

    @Nested
    @DisplayName("in 24-bit colour")
    class TrueColor {
        @Test
        @DisplayName("changes nothing, and returns a copy")
        void unchanged() {
            Properties theme = builtIn("dark");
            Properties mapped = ThemeColors.forMode(theme, ColorMode.TRUE_COLOR);
            assertThat(mapped).isEqualTo(theme).isNotSameAs(theme);
        }
    }

    @Nested
    @DisplayName("with the 256-colour palette")
    class Palette256 {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "#ff0000, #196", "#000000, #16", "#FFFFFF, #231", "#808080, #244", "#eeeeee, #255", "#5fafd7, #74",
            "#6aaed6, #74", "#191c24, #234",
        })
        @DisplayName("writes each colour as the nearest cube or ramp index, which Lanterna reads as an indexed colour")
        void nearest(String rgb, String indexed) {
            Properties mapped = map("foreground = " + rgb + "\n", ColorMode.PALETTE_256);
            assertThat(mapped.getProperty("foreground")).isEqualTo(indexed);
            assertThat(strict(mapped).getDefaultDefinition().getNormal().getForeground())
                    .isEqualTo(new TextColor.Indexed(Integer.parseInt(indexed.substring(1))));
        }

        @Test
        @DisplayName("maps state-qualified and class-prefixed keys in any spelling, and leaves other keys alone")
        void everyColourKey() {
            Properties mapped = map("""
                    foreground = #ff0000
                    Background[selected] =  #00ff00\s
                    %1$sButton.foreground[ACTIVE] = #0000ff
                    %1$stable.Table.background[HEADER] = #ffffff
                    %1$sButton.char[LEFT_BORDER] = #
                    %1$sDefaultWindowDecorationRenderer.property[CENTER_TITLE] = false
                    %1$sButton.sgr = bold
                    """.formatted(GUI), ColorMode.PALETTE_256);
            assertThat(mapped.getProperty("foreground")).isEqualTo("#196");
            assertThat(mapped.getProperty("Background[selected]")).isEqualTo("#46");
            assertThat(mapped.getProperty(GUI + "Button.foreground[ACTIVE]")).isEqualTo("#21");
            assertThat(mapped.getProperty(GUI + "table.Table.background[HEADER]")).isEqualTo("#231");
            assertThat(mapped.getProperty(GUI + "Button.char[LEFT_BORDER]")).isEqualTo("#");
            assertThat(mapped.getProperty(GUI + "DefaultWindowDecorationRenderer.property[CENTER_TITLE]")).isEqualTo("false");
            assertThat(mapped.getProperty(GUI + "Button.sgr")).isEqualTo("bold");
            assertThat(mapped).hasSize(7);
        }

        @Test
        @DisplayName("keeps indexed and ANSI colours as written")
        void keepsPaletteValues() {
            Properties mapped = map("foreground = #9\nbackground = blue\nforeground[SELECTED] = default\n", ColorMode.PALETTE_256);
            assertThat(mapped.getProperty("foreground")).isEqualTo("#9");
            assertThat(mapped.getProperty("background")).isEqualTo("blue");
            assertThat(mapped.getProperty("foreground[SELECTED]")).isEqualTo("default");
        }

        @Test
        @DisplayName("keeps a foreground apart from a background that maps to the same index")
        void keepsApart() {
            Properties mapped = map("foreground = #010101\nbackground = #000000\n", ColorMode.PALETTE_256);
            assertThat(mapped.getProperty("background")).isEqualTo("#16");
            assertThat(mapped.getProperty("foreground")).isNotEqualTo("#16").isEqualTo("#232");
        }
    }

    @Nested
    @DisplayName("with the 16 ANSI colours")
    class Ansi16 {
        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
            "#ff0000, RED_BRIGHT", "#cd0000, RED", "#000000, BLACK", "#ffffff, WHITE_BRIGHT", "#e5e5e5, WHITE",
            "#0000ee, BLUE", "#5c5cff, BLUE_BRIGHT", "#7f7f7f, BLACK_BRIGHT", "#e2b866, YELLOW",
            // indexed colours too: the ANSI ones by number, the others by their RGB
            "#1, RED", "#9, RED_BRIGHT", "#196, RED_BRIGHT", "#16, BLACK", "#231, WHITE_BRIGHT",
            // names stay as written
            "blue, blue", "Red_Bright, Red_Bright",
        })
        @DisplayName("writes each colour as the name of the nearest one, which Lanterna reads as that constant")
        void nearest(String value, String name) {
            Properties mapped = map("foreground = " + value + "\n", ColorMode.ANSI_16);
            assertThat(mapped.getProperty("foreground")).isEqualTo(name);
            assertThat(strict(mapped).getDefaultDefinition().getNormal().getForeground())
                    .isEqualTo(TextColor.ANSI.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
        }

        @Test
        @DisplayName("keeps two close colours of one style apart: the foreground takes the next-nearest")
        void keepsApart() {
            Properties mapped = map("foreground = #1a1a1a\nbackground = #000000\n", ColorMode.ANSI_16);
            assertThat(mapped.getProperty("background")).isEqualTo("BLACK");
            assertThat(mapped.getProperty("foreground")).isEqualTo("BLACK_BRIGHT");
        }

        @Test
        @DisplayName("also when one of the two colours is inherited, adding the key the class needs")
        void keepsApartInherited() {
            Properties mapped = map("""
                    foreground = #101010
                    background = #ffffff
                    %1$sLabel.background = #000000
                    %1$sAbstractBorder.foreground = #0a0a0a
                    %1$sAbstractBorder.background = #101010
                    """.formatted(GUI), ColorMode.ANSI_16);
            assertThat(mapped.getProperty("foreground")).isEqualTo("BLACK");
            assertThat(mapped.getProperty(GUI + "Label.foreground")).isEqualTo("BLACK_BRIGHT");
            ThemeStyle label = strict(mapped).getDefinition(Label.class).getNormal();
            assertThat(label.getForeground()).isEqualTo(TextColor.ANSI.BLACK_BRIGHT);
            assertThat(label.getBackground()).isEqualTo(TextColor.ANSI.BLACK);
            assertThat(mapped.getProperty(GUI + "AbstractBorder.background")).isEqualTo("BLACK");
            assertThat(mapped.getProperty(GUI + "AbstractBorder.foreground")).isEqualTo("BLACK_BRIGHT");
        }

        @Test
        @DisplayName("leaves colours equal that the theme made equal on purpose")
        void equalStaysEqual() {
            Properties mapped = map("foreground = #000000\nbackground = #000000\n", ColorMode.ANSI_16);
            assertThat(mapped.getProperty("foreground")).isEqualTo("BLACK");
            assertThat(mapped.getProperty("background")).isEqualTo("BLACK");
        }

        @Test
        @DisplayName("keeps a selection bar apart from the normal background, but lets a disabled one collapse")
        void selectionStaysVisible() {
            Properties mapped = map("""
                    foreground = #ffffff
                    background = #000000
                    background[SELECTED] = #121212
                    background[INSENSITIVE] = #121212
                    """, ColorMode.ANSI_16);
            assertThat(mapped.getProperty("background[SELECTED]")).isEqualTo("BLACK_BRIGHT");
            assertThat(mapped.getProperty("background[INSENSITIVE]")).isEqualTo("BLACK");
            ThemeDefinition d = strict(mapped).getDefinition(Button.class);
            assertThat(d.getSelected().getBackground()).isNotEqualTo(d.getNormal().getBackground());
            assertThat(d.getSelected().getForeground()).isNotEqualTo(d.getSelected().getBackground());
        }
    }

    @Nested
    @DisplayName("without colour")
    class NoColor {
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.pryx.tui.theme.ThemeColorsTest#builtInNames")
        @DisplayName("leaves no colour but the terminal's default in a built-in theme")
        void noRgbLeft(String name) {
            Properties mapped = ThemeColors.forMode(builtIn(name), ColorMode.NONE);
            for (String key : mapped.stringPropertyNames()) {
                if (COLOR_KEY.matcher(key).matches()) {
                    assertThat(mapped.getProperty(key)).as(key).isEqualTo("DEFAULT");
                }
                assertThat(mapped.getProperty(key)).as(key).doesNotMatch(".*#[0-9a-fA-F]{6}.*");
            }
            Theme theme = strict(mapped);
            assertThat(theme.getDefaultDefinition().getNormal().getForeground()).isEqualTo(TextColor.ANSI.DEFAULT);
            assertThat(theme.getDefinition(TextBox.class).getActive().getBackground()).isEqualTo(TextColor.ANSI.DEFAULT);
        }

        @Test
        @DisplayName("adds reverse to the selected and active states, keeping bold")
        void reverseSelection() {
            Theme theme = strict(ThemeColors.forMode(builtIn("dark"), ColorMode.NONE));
            for (Class<?> c : List.of(Label.class, Button.class, TextBox.class,
                    com.googlecode.lanterna.gui2.ActionListBox.class, com.googlecode.lanterna.gui2.table.Table.class)) {
                ThemeDefinition d = theme.getDefinition(c);
                assertThat(d.getSelected().getSGRs()).as("%s selected", c.getSimpleName()).contains(SGR.REVERSE);
                assertThat(d.getActive().getSGRs()).as("%s active", c.getSimpleName()).contains(SGR.REVERSE);
                assertThat(d.getNormal().getSGRs()).as("%s normal", c.getSimpleName()).doesNotContain(SGR.REVERSE);
                assertThat(d.getInsensitive().getSGRs()).as("%s disabled", c.getSimpleName()).doesNotContain(SGR.REVERSE);
            }
            assertThat(theme.getDefinition(Button.class).getSelected().getSGRs()).containsExactlyInAnyOrder(SGR.BOLD, SGR.REVERSE);
            assertThat(theme.getDefinition(Button.class).getNormal().getSGRs()).containsExactly(SGR.BOLD);
        }

        @Test
        @DisplayName("adds reverse to another state only where its background differed from the component's own")
        void reverseByBackground() {
            Properties mapped = map("""
                    foreground = #ffffff
                    background = #000000
                    background[PRELIGHT] = #333333
                    sgr[PRELIGHT] = bold
                    background[INSENSITIVE] = #111111
                    %1$sButton.background = #333333
                    %1$stable.Table.background[HEADER] = #222222
                    %1$stable.Table.sgr[HEADER] = underline
                    """.formatted(GUI), ColorMode.NONE);
            Theme theme = strict(mapped);
            assertThat(theme.getDefinition(Label.class).getPreLight().getSGRs()).containsExactlyInAnyOrder(SGR.BOLD, SGR.REVERSE);
            // Button's normal background is the hover colour already: hovering changes nothing to reverse.
            assertThat(theme.getDefinition(Button.class).getPreLight().getSGRs()).containsExactly(SGR.BOLD);
            assertThat(theme.getDefinition(com.googlecode.lanterna.gui2.table.Table.class).getCustom("HEADER").getSGRs())
                    .containsExactlyInAnyOrder(SGR.UNDERLINE, SGR.REVERSE);
            assertThat(theme.getDefinition(Label.class).getInsensitive().getSGRs()).isEmpty();
            assertThat(theme.getDefinition(Button.class).getNormal().getSGRs()).isEmpty();
        }

        @Test
        @DisplayName("does not repeat a reverse the theme already has, and keeps flags it does not know for Lanterna to reject")
        void existingFlags() {
            Properties mapped = map("foreground[SELECTED] = #000000\nsgr[SELECTED] = Reverse, bold\n", ColorMode.NONE);
            assertThat(mapped.getProperty("sgr[SELECTED]")).isEqualTo("Reverse, bold");
            Properties unknown = map("foreground[SELECTED] = #000000\nsgr[SELECTED] = wobbly\n", ColorMode.NONE);
            assertThat(unknown.getProperty("sgr[SELECTED]")).isEqualTo("wobbly,reverse");
            assertThatThrownBy(() -> strict(unknown)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("in every mode")
    class EveryMode {
        @ParameterizedTest(name = "{0} in {1}")
        @MethodSource("dev.pryx.tui.theme.ThemeColorsTest#themesAndModes")
        @DisplayName("gives built-in themes that Lanterna still loads strictly")
        void strictlyLoadable(String name, ColorMode mode) {
            Properties mapped = ThemeColors.forMode(builtIn(name), mode);
            assertThatCode(() -> strict(mapped)).doesNotThrowAnyException();
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ColorMode.class)
        @DisplayName("leaves what is no colour as written, so that a broken theme fails alike in every mode")
        void brokenStaysBroken(ColorMode mode) {
            for (String line : List.of("foreground = not-a-colour", "background = #12345", "foreground = #256",
                    "sgr = bold,wobbly", "foreground = ")) {
                Properties mapped = map(line + "\n", mode);
                assertThat(mapped).as(line).isEqualTo(props(line + "\n"));
                assertThatThrownBy(() -> strict(mapped)).as(line).isInstanceOf(RuntimeException.class);
            }
        }

        @ParameterizedTest(name = "{0}")
        @EnumSource(ColorMode.class)
        @DisplayName("never changes the properties it was given")
        void inputUntouched(ColorMode mode) {
            Properties theme = builtIn("dark");
            Properties copy = new Properties();
            copy.putAll(theme);
            ThemeColors.forMode(theme, mode);
            assertThat(theme).isEqualTo(copy);
        }

        @ParameterizedTest(name = "{0} in {1}")
        @MethodSource("dev.pryx.tui.theme.ThemeColorsTest#themesAndModes")
        @DisplayName("round-trip every colour key of a built-in theme: Lanterna shows the mapped colour the key declared")
        void roundTrip(String name, ColorMode mode) {
            Properties theme = builtIn(name);
            Theme mapped = strict(ThemeColors.forMode(theme, mode));
            Theme naive = strict(naive(theme, mode));
            List<String> checked = new ArrayList<>();
            for (String key : theme.stringPropertyNames()) {
                Matcher m = COLOR_KEY.matcher(key);
                if (!m.matches()) {
                    continue;
                }
                int rgb = Integer.parseInt(theme.getProperty(key).trim().substring(1), 16);
                TextColor expected = switch (mode) {
                    case TRUE_COLOR -> new TextColor.RGB(rgb >> 16, rgb >> 8 & 0xff, rgb & 0xff);
                    case PALETTE_256 -> new TextColor.Indexed(TerminalPalette.nearest256(rgb));
                    case ANSI_16 -> TextColor.ANSI.valueOf(TerminalPalette.ansiName(TerminalPalette.nearestAnsi(rgb)));
                    case NONE -> TextColor.ANSI.DEFAULT;
                };
                ThemeStyle style = style(mapped, m.group(1), m.group(3));
                TextColor shown = m.group(2).equals("foreground") ? style.getForeground() : style.getBackground();
                if (!shown.equals(expected)) {
                    // Only allowed where the plain nearest colour would have hidden text or a selection.
                    ThemeStyle plain = style(naive, m.group(1), m.group(3));
                    ThemeStyle plainNormal = style(naive, m.group(1), null);
                    assertThat(plain.getForeground().equals(plain.getBackground())
                            || plain.getBackground().equals(plainNormal.getBackground()))
                            .as("%s shows %s, not the nearest %s", key, shown, expected).isTrue();
                }
                checked.add(key);
            }
            assertThat(checked).hasSizeGreaterThan(40);
        }

        /** Every #rrggbb replaced by its nearest colour, without keeping anything apart. */
        private Properties naive(Properties theme, ColorMode mode) {
            Properties p = new Properties();
            for (String key : theme.stringPropertyNames()) {
                String value = theme.getProperty(key).trim();
                if (COLOR_KEY.matcher(key).matches() && mode != ColorMode.TRUE_COLOR) {
                    int rgb = Integer.parseInt(value.substring(1), 16);
                    value = switch (mode) {
                        case PALETTE_256 -> "#" + TerminalPalette.nearest256(rgb);
                        case ANSI_16 -> TerminalPalette.ansiName(TerminalPalette.nearestAnsi(rgb));
                        default -> "DEFAULT";
                    };
                }
                p.setProperty(key, value);
            }
            return p;
        }

        private ThemeStyle style(Theme theme, String className, String category) {
            ThemeDefinition d;
            try {
                d = className == null ? theme.getDefaultDefinition() : theme.getDefinition(Class.forName(className));
            } catch (ClassNotFoundException e) {
                throw new AssertionError(e);
            }
            if (category == null) {
                return d.getNormal();
            }
            return switch (category) {
                case "SELECTED" -> d.getSelected();
                case "ACTIVE" -> d.getActive();
                case "PRELIGHT" -> d.getPreLight();
                case "INSENSITIVE" -> d.getInsensitive();
                default -> d.getCustom(category);
            };
        }
    }

    @Test
    @DisplayName("reads colour values the way Lanterna does")
    void rgbOf() {
        assertThat(ThemeColors.rgbOf("#A0b0C0")).isEqualTo(0xa0b0c0);
        assertThat(ThemeColors.rgbOf("#196")).isEqualTo(0xff0000);
        assertThat(ThemeColors.rgbOf("#0")).isZero();
        assertThat(ThemeColors.rgbOf("white_BRIGHT")).isEqualTo(0xffffff);
        assertThat(ThemeColors.rgbOf("default")).isEqualTo(-1);
        assertThat(ThemeColors.rgbOf("#256")).isEqualTo(-1);
        assertThat(ThemeColors.rgbOf("#1234")).isEqualTo(-1);
        assertThat(ThemeColors.rgbOf("purple")).isEqualTo(-1);
        assertThat(EnumSet.allOf(ColorMode.class)).hasSize(4); // a new mode needs a rule here
    }
}
