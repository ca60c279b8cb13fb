package dev.pryx.tui.palette;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import dev.pryx.tui.shell.Shell;
import dev.pryx.tui.text.CellWidth;
import dev.pryx.tui.widgets.SelectList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The command palette over any screen: one fuzzy search across commands, configured providers,
 * the catalog and every model. Focus stays in the query; Up/Down/PgUp/PgDn move the selection,
 * Enter runs it, Esc (or Ctrl+P again) closes.
 *
 * <pre>
 * ┌ / ─────────────────────────────────────────────┐
 * │ open                                           │
 * │ ▸ OpenAI                          catalog      │
 * │   Open Mistral 7B (Mistral)       model        │
 * │ ...                                            │
 * │ 38 of 5,476 · Enter run · Esc close            │
 * └────────────────────────────────────────────────┘
 * </pre>
 *
 * The window has a fixed size computed from the terminal's (without it, it would jump as the
 * results change), recomputed when the terminal is resized.
 */
public final class PaletteOverlay implements Shell.Overlay {
    private static final int KIND_COLUMNS = 9;

    private final Shell shell;
    private final BasicWindow window;
    private final PaletteModel model;
    private final TextBox query;
    private final SelectList<PaletteSearch.Result> list;
    private final Label summary;

    /** Opens over the shell's screens, searching {@code index} (brought up to date first). */
    public PaletteOverlay(Shell shell, PaletteIndex index) {
        this(shell, new PaletteModel(index.refreshed(shell)));
    }

    PaletteOverlay(Shell shell, PaletteModel model) {
        this.shell = shell;
        this.model = model;
        window = new BasicWindow("/ search commands, providers, models");
        window.setHints(List.of(Window.Hint.CENTERED, Window.Hint.MODAL, Window.Hint.FIXED_SIZE));
        query = new TextBox(new TerminalSize(40, 1));
        query.setTextChangeListener((text, byUser) -> refresh(text));
        list = new SelectList<>(PaletteOverlay::paint);
        list.onActivate(result -> choose());
        summary = new Label("");
        Panel panel = new Panel(new BorderLayout());
        panel.addComponent(query, BorderLayout.Location.TOP);
        panel.addComponent(list, BorderLayout.Location.CENTER);
        panel.addComponent(summary, BorderLayout.Location.BOTTOM);
        window.setComponent(panel);
        window.addWindowListener(new com.googlecode.lanterna.gui2.WindowListenerAdapter() {
            @Override
            public void onInput(Window w, KeyStroke key, AtomicBoolean deliverEvent) {
                // Lanterna's flag means "deliver to the focused component": cleared when used here.
                if (onKey(key)) {
                    deliverEvent.set(false);
                }
            }
        });
        onTerminalResized();
        refresh("");
        window.setFocusedInteractable(query);
    }

    /** Sizes the window from the terminal: most of its width, up to 100 columns, and most of its height. */
    @Override
    public void onTerminalResized() {
        TerminalSize terminal = shell.gui().getScreen().getTerminalSize();
        int columns = Math.max(30, Math.min(100, terminal.getColumns() - 6));
        int rows = Math.max(6, Math.min(30, terminal.getRows() - 6));
        window.setFixedSize(new TerminalSize(columns, rows));
        query.setPreferredSize(new TerminalSize(columns, 1));
        list.setPreferredSize(new TerminalSize(columns, rows - 2));
    }

    private void refresh(String text) {
        model.setQuery(text);
        list.setItems(model.results());
        list.setSelectedIndex(0);
        summary.setText(model.summary() + " · Enter run · Esc close");
    }

    private boolean onKey(KeyStroke key) {
        switch (key.getKeyType()) {
            case ArrowUp, ArrowDown, PageUp, PageDown -> {
                list.handleKeyStroke(key);
                model.select(list.getSelectedIndex());
                return true;
            }
            case Enter -> {
                choose();
                return true;
            }
            case Escape -> {
                shell.closeOverlay();
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void choose() {
        model.select(list.getSelectedIndex());
        PaletteItem item = model.choose();
        if (item == null) {
            return;
        }
        shell.closeOverlay();
        PaletteActions.run(shell, item);
    }

    /** A result row: the label with matched characters bold and underlined, the kind on the right. */
    static void paint(TextGUIGraphics g, PaletteSearch.Result result, int width, boolean selected) {
        PaletteItem item = result.item();
        int labelColumns = Math.max(1, width - KIND_COLUMNS - 3);
        g.putString(0, 0, selected ? "▸" : " ");
        int column = 2;
        String label = item.label();
        int[] positions = result.positions();
        int p = 0;
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            int w = CellWidth.of(cp);
            if (column + w > labelColumns) {
                break;
            }
            while (p < positions.length && positions[p] < i) {
                p++;
            }
            String ch = new String(Character.toChars(cp));
            if (p < positions.length && positions[p] == i) {
                g.putString(column, 0, ch, SGR.BOLD, SGR.UNDERLINE);
            } else {
                g.putString(column, 0, ch);
            }
            column += w;
            i += Character.charCount(cp);
        }
        g.putString(Math.max(column, width - KIND_COLUMNS), 0, CellWidth.fit(kind(item.kind()), KIND_COLUMNS));
    }

    static String kind(PaletteItem.Kind kind) {
        return switch (kind) {
            case COMMAND -> "command";
            case PROVIDER -> "provider";
            case CATALOG_PROVIDER -> "add";
            case MODEL -> "model";
        };
    }

    public PaletteModel model() {
        return model;
    }

    @Override
    public Window window() {
        return window;
    }
}
