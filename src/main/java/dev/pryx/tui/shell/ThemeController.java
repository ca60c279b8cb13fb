package dev.pryx.tui.shell;

import com.googlecode.lanterna.graphics.Theme;
import dev.pryx.support.PryxException;
import dev.pryx.tui.theme.ColorMode;
import dev.pryx.tui.theme.ThemeCatalog;
import java.util.List;

/**
 * The theme in use: loaded for the terminal's colour mode and applied to every window. Lanterna's
 * {@code setTheme} does not repaint, so the windows are invalidated after it.
 */
public final class ThemeController {
    private final ThemeCatalog catalog;
    private final java.nio.file.Path userThemes;
    private final ColorMode mode;
    private final TuiSettings settings;
    private PryxTextGui gui;
    private String current;

    public ThemeController(ThemeCatalog catalog, java.nio.file.Path userThemes, ColorMode mode, TuiSettings settings) {
        this.catalog = catalog;
        this.userThemes = userThemes;
        this.mode = mode;
        this.settings = settings;
    }

    /** Loads a theme by name, checked: an unknown or broken theme is a usage error with its reason. */
    public Theme load(String name) {
        return catalog.load(name, mode);
    }

    public void attach(PryxTextGui gui, String name, Theme theme) {
        this.gui = gui;
        this.current = name;
        gui.setTheme(theme);
    }

    public String current() {
        return current;
    }

    public ColorMode mode() {
        return mode;
    }

    /** Where the user's own {@code NAME.properties} themes are read from. */
    public java.nio.file.Path userThemeDirectory() {
        return userThemes;
    }

    public List<String> names() {
        return catalog.names();
    }

    /** Switches to {@code name}, repaints, and remembers it for the next start. */
    public void choose(String name) {
        Theme theme = load(name);
        gui.setTheme(theme);
        for (var window : gui.getWindows()) {
            window.invalidate();
        }
        current = name;
        try {
            settings.saveTheme(name);
        } catch (PryxException e) {
            throw new PryxException(PryxException.Kind.USAGE, "Switched to " + name + " for now, but " + e.getMessage());
        }
    }
}
