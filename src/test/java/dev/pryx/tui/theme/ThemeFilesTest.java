package dev.pryx.tui.theme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.PropertyTheme;
import com.googlecode.lanterna.graphics.Theme;
import com.googlecode.lanterna.graphics.ThemeDefinition;
import com.googlecode.lanterna.graphics.ThemeStyle;
import com.googlecode.lanterna.gui2.ActionListBox;
import com.googlecode.lanterna.gui2.Button;
import com.googlecode.lanterna.gui2.CheckBoxList;
import com.googlecode.lanterna.gui2.DefaultWindowDecorationRenderer;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.table.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The theme files in themes/")
class ThemeFilesTest {
    private static final Path THEMES = Path.of("themes");
    private static final String GUI = "com.googlecode.lanterna.gui2.";

    /** What the TUI counts on every theme to say itself, rather than inherit Lanterna's white on black. */
    private static final List<String> REQUIRED_KEYS = List.of(
            "foreground", "background",
            "foreground[SELECTED]", "background[SELECTED]",
            "foreground[ACTIVE]", "background[ACTIVE]",
            "foreground[INSENSITIVE]",
            "foreground[OK]", "background[OK]", "foreground[WARNING]", "background[WARNING]",
            "foreground[ERROR]", "background[ERROR]",
            GUI + "GUIBackdrop.background",
            GUI + "DefaultWindowDecorationRenderer.foreground[ACTIVE]",
            GUI + "AbstractBorder.foreground",
            GUI + "AbstractBorder.foreground[ACTIVE]",
            GUI + "Label.foreground",
            GUI + "Button.foreground[SELECTED]", GUI + "Button.background[SELECTED]",
            GUI + "Button.foreground[ACTIVE]", GUI + "Button.background[ACTIVE]",
            GUI + "TextBox.foreground", GUI + "TextBox.background",
            GUI + "TextBox.foreground[ACTIVE]", GUI + "TextBox.background[ACTIVE]",
            GUI + "AbstractListBox.foreground[SELECTED]", GUI + "AbstractListBox.background[SELECTED]",
            GUI + "AbstractListBox.foreground[ACTIVE]", GUI + "AbstractListBox.background[ACTIVE]",
            GUI + "table.Table.sgr[HEADER]",
            GUI + "table.Table.background[SELECTED]",
            GUI + "table.Table.foreground[ACTIVE]", GUI + "table.Table.background[ACTIVE]");

    /** Components whose text must stay readable, in the states where they show text. */
    private static final List<Class<?>> TEXT_COMPONENTS = List.of(
            Label.class, Button.class, TextBox.class, ActionListBox.class, CheckBoxList.class, Table.class);

    static Stream<Path> themeFiles() throws IOException {
        try (Stream<Path> files = Files.list(THEMES)) {
            List<Path> list = files.filter(f -> f.getFileName().toString().endsWith(".properties")).sorted().toList();
            return list.stream();
        }
    }

    private static Properties read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    private static String name(Path file) {
        String f = file.getFileName().toString();
        return f.substring(0, f.length() - ".properties".length());
    }

    @Test
    @DisplayName("are exactly the built-in themes the catalog announces, and ship on the class path byte for byte")
    void matchBuiltIns() throws IOException {
        List<String> names = themeFiles().map(ThemeFilesTest::name).sorted().toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(ThemeCatalog.BUILT_IN);
        for (Path file : themeFiles().toList()) {
            try (InputStream in = ThemeCatalog.class.getResourceAsStream("/themes/" + file.getFileName())) {
                assertThat(in).as("packaged copy of %s", file).isNotNull();
                assertThat(in.readAllBytes()).isEqualTo(Files.readAllBytes(file));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("themeFiles")
    @DisplayName("load strictly: Lanterna knows every class, colour and SGR they name")
    void loadStrictly(Path file) throws IOException {
        Properties props = read(file);
        assertThatCode(() -> new PropertyTheme(props, false)).doesNotThrowAnyException();
        assertThatCode(() -> ThemeCatalog.parse(Files.readString(file), file.toString())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("themeFiles")
    @DisplayName("define every key pryx relies on")
    void defineRequiredKeys(Path file) throws IOException {
        assertThat(read(file).stringPropertyNames()).containsAll(REQUIRED_KEYS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("themeFiles")
    @DisplayName("show a selection that differs from the rest of a list, a table and a button row")
    void visibleSelection(Path file) throws IOException {
        Theme theme = new PropertyTheme(read(file), false);
        for (Class<?> c : List.of(ActionListBox.class, CheckBoxList.class, Table.class, Button.class)) {
            ThemeDefinition d = theme.getDefinition(c);
            assertThat(d.getActive().getBackground()).as("%s focused row of %s", file, c.getSimpleName())
                    .isNotEqualTo(d.getNormal().getBackground());
            assertThat(d.getSelected().getBackground()).as("%s selected row of %s", file, c.getSimpleName())
                    .isNotEqualTo(d.getNormal().getBackground());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("themeFiles")
    @DisplayName("keep text readable: WCAG 2 contrast of at least 4.5:1 (7:1 for high-contrast)")
    void contrast(Path file) throws IOException {
        Theme theme = new PropertyTheme(read(file), false);
        double minimum = name(file).equals("high-contrast") ? 7.0 : 4.5;
        Map<String, ThemeStyle> styles = new java.util.LinkedHashMap<>();
        addStyles(styles, "default", theme.getDefaultDefinition());
        for (Class<?> c : TEXT_COMPONENTS) {
            addStyles(styles, c.getSimpleName(), theme.getDefinition(c));
        }
        styles.put("title", theme.getDefinition(DefaultWindowDecorationRenderer.class).getActive());
        styles.put("table header", theme.getDefinition(Table.class).getCustom("HEADER"));
        for (String result : List.of("OK", "WARNING", "ERROR")) {
            styles.put("status " + result, theme.getDefaultDefinition().getCustom(result));
        }
        Map<String, Double> tooLow = styles.entrySet().stream()
                .filter(e -> ratio(e.getValue()) < minimum)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> ratio(e.getValue())));
        assertThat(tooLow).as("styles below %s:1 in %s", minimum, file).isEmpty();
    }

    private static void addStyles(Map<String, ThemeStyle> styles, String name, ThemeDefinition d) {
        styles.put(name + " normal", d.getNormal());
        styles.put(name + " selected", d.getSelected());
        styles.put(name + " active", d.getActive());
        styles.put(name + " insensitive", d.getInsensitive());
    }

    private static double ratio(ThemeStyle style) {
        double a = luminance(style.getForeground());
        double b = luminance(style.getBackground());
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** WCAG 2 relative luminance. */
    private static double luminance(TextColor c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(int value) {
        double s = value / 255.0;
        return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    @Nested
    @DisplayName("high-contrast")
    class HighContrast {
        @Test
        @DisplayName("uses only black, white and yellow")
        void threeColours() throws IOException {
            Properties props = read(THEMES.resolve("high-contrast.properties"));
            List<String> colours = props.stringPropertyNames().stream()
                    .filter(k -> k.matches("(.*\\.)?(foreground|background)(\\[.*])?"))
                    .map(k -> props.getProperty(k).trim().toLowerCase())
                    .distinct().sorted().toList();
            assertThat(colours).isSubsetOf("#000000", "#ffffff", "#ffff00");
        }
    }
}
