package dev.pryx.tui.settings;

import dev.pryx.tui.theme.ColorMode;
import dev.pryx.tui.theme.ThemeCatalog;
import java.util.List;

/**
 * The settings screen's state: the themes, the one in use, the selected row, and the colour
 * mode the terminal was detected to have. No Lanterna here: the themes come through
 * {@link Themes}, so it is tested without a terminal.
 */
public final class SettingsModel {
    /** The part of the theme controller this screen uses. */
    public interface Themes {
        List<String> names();

        String current();

        /** Switches to {@code name} and saves the choice; throws a PryxException when it cannot. */
        void choose(String name);
    }

    /** A theme's row: a marker for the one in use, its name, and where it comes from. */
    public record Row(String marker, String name, String note) {
    }

    private final Themes themes;
    private final ColorMode mode;
    private List<String> names = List.of();
    private int selected;

    public SettingsModel(Themes themes, ColorMode mode) {
        this.themes = themes;
        this.mode = mode;
        reload();
    }

    /** Re-reads the theme names (a file may have been added); the selection stays on the same name. */
    public void reload() {
        String keep = names.isEmpty() ? themes.current() : selectedName();
        names = themes.names();
        selected = Math.max(0, names.indexOf(keep));
    }

    public List<String> names() {
        return names;
    }

    public List<Row> rows() {
        return names.stream().map(this::row).toList();
    }

    Row row(String name) {
        boolean inUse = name.equals(themes.current());
        String note = ThemeCatalog.BUILT_IN.contains(name) ? "built-in" : "your theme";
        return new Row(inUse ? "●" : " ", name, inUse ? note + ", in use" : note);
    }

    public void select(int index) {
        if (!names.isEmpty()) {
            selected = Math.max(0, Math.min(index, names.size() - 1));
        }
    }

    public int selectedIndex() {
        return selected;
    }

    public String selectedName() {
        return names.isEmpty() ? null : names.get(selected);
    }

    /** Applies the selected theme and saves it for the next start; returns the line to show. */
    public String apply() {
        String name = selectedName();
        if (name == null) {
            return "No theme to apply.";
        }
        if (name.equals(themes.current())) {
            return "The " + name + " theme is already in use.";
        }
        themes.choose(name);
        return "Switched to the " + name + " theme; pryx starts with it from now on.";
    }

    /** What the terminal can show, as detected, in one line. */
    public String colourLine() {
        return "Colours: " + describe(mode) + " (detected from NO_COLOR, TERM and COLORTERM).";
    }

    static String describe(ColorMode mode) {
        return switch (mode) {
            case TRUE_COLOR -> "24-bit";
            case PALETTE_256 -> "256 colours";
            case ANSI_16 -> "16 colours";
            case NONE -> "none, attributes only";
        };
    }

    /** Where a person's own themes go, in lines short enough for 80 columns. */
    public static List<String> userThemeLines(java.nio.file.Path folder) {
        return List.of(
                "Your own themes: NAME.properties files (Lanterna property themes) in",
                "  " + folder,
                "A file named like a built-in theme replaces it. New files show up here the",
                "next time you open this screen.");
    }
}
