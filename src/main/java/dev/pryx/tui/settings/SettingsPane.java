package dev.pryx.tui.settings;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import dev.pryx.support.PryxException;
import dev.pryx.tui.shell.KeyHint;
import dev.pryx.tui.shell.Pane;
import dev.pryx.tui.shell.Shell;
import dev.pryx.tui.shell.ThemeController;
import dev.pryx.tui.text.CellWidth;
import dev.pryx.tui.widgets.SelectList;
import java.util.List;

/**
 * Settings: the theme, applied at once and kept for the next start, and where a person's own
 * themes go.
 *
 * <pre>
 *  pryx · Settings
 *
 *   Theme
 *  ● dark            built-in, in use
 *    high-contrast   built-in
 *    light           built-in
 *
 *   Colours: 16 colours (detected from NO_COLOR, TERM and COLORTERM).
 *   Your own themes: NAME.properties files (Lanterna property themes) in the ...
 *
 *  Enter apply  ·  / palette  ? help  Esc back  q quit
 * </pre>
 */
public final class SettingsPane extends Pane {
    private static final int NAME_WIDTH = 24;

    private final SettingsModel model;
    private SelectList<SettingsModel.Row> list;

    public SettingsPane(Shell shell) {
        super(shell, "Settings");
        ThemeController themes = shell.themes();
        this.model = new SettingsModel(new SettingsModel.Themes() {
            @Override
            public List<String> names() {
                return themes.names();
            }

            @Override
            public String current() {
                return themes.current();
            }

            @Override
            public void choose(String name) {
                themes.choose(name);
            }
        }, themes.mode());
    }

    public SettingsModel model() {
        return model;
    }

    @Override
    protected Component body() {
        Panel panel = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
        panel.addComponent(new EmptySpace(new TerminalSize(1, 1)));
        Label heading = new Label("  Theme (Enter applies it and keeps it for the next start)");
        heading.addStyle(SGR.BOLD);
        panel.addComponent(heading);
        list = new SelectList<>((g, row, width, selected) -> g.putString(0, 0, format(row, width)));
        list.onActivate(row -> apply()).onMove(() -> model.select(list.getSelectedIndex()));
        panel.addComponent(list, LinearLayout.createLayoutData(LinearLayout.Alignment.Fill));
        panel.addComponent(new EmptySpace(new TerminalSize(1, 1)));
        panel.addComponent(new Label("  " + model.colourLine()));
        panel.addComponent(new EmptySpace(new TerminalSize(1, 1)));
        for (String line : SettingsModel.userThemeLines(shell.themes().userThemeDirectory())) {
            panel.addComponent(new Label("  " + line));
        }
        return panel;
    }

    /** A theme's row in {@code width} cells; names are the user's file names, so measured in cells. */
    static String format(SettingsModel.Row row, int width) {
        String line = " " + CellWidth.fit(row.marker(), 2) + CellWidth.fit(row.name(), NAME_WIDTH) + " " + row.note();
        return CellWidth.fit(line, Math.max(0, width));
    }

    @Override
    public void onShow() {
        shell.attempt(model::reload);
        list.setItems(model.rows());
        list.setSelectedIndex(model.selectedIndex());
        list.takeFocus();
    }

    private void apply() {
        model.select(list.getSelectedIndex());
        try {
            String line = model.apply();
            shell.status(line);
        } catch (PryxException e) {
            shell.fail(e);
        }
        // The marker moves to the chosen theme even when saving failed: it is in use either way.
        list.setItems(model.rows());
        list.setSelectedIndex(model.selectedIndex());
        list.invalidate();
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(KeyHint.footer("Enter", "apply theme"), KeyHint.help("Up / Down", "move"));
    }
}
