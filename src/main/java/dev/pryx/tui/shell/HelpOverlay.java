package dev.pryx.tui.shell;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.tui.text.CellWidth;
import java.util.ArrayList;
import java.util.List;

/**
 * Every key of the current screen, then the global ones. Any key closes it.
 *
 * <pre>
 * ┌ Keys: Providers ─────────────────┐
 * │ a          add a provider        │
 * │ ...                              │
 * │ Press any key to close.          │
 * └──────────────────────────────────┘
 * </pre>
 */
final class HelpOverlay implements Shell.Overlay {
    private final BasicWindow window;

    HelpOverlay(Shell shell, Pane pane) {
        window = new BasicWindow("Keys: " + pane.title());
        window.setHints(List.of(Window.Hint.CENTERED, Window.Hint.MODAL));
        Panel panel = new Panel(new LinearLayout(Direction.VERTICAL));
        for (String line : lines(pane)) {
            panel.addComponent(new Label(line));
        }
        Label close = new Label("Press any key to close.");
        close.addStyle(SGR.BOLD);
        panel.addComponent(close);
        window.setComponent(panel);
        window.addWindowListener(new com.googlecode.lanterna.gui2.WindowListenerAdapter() {
            @Override
            public void onUnhandledInput(Window basePane, com.googlecode.lanterna.input.KeyStroke key,
                                         java.util.concurrent.atomic.AtomicBoolean hasBeenHandled) {
                if (key.getKeyType() != KeyType.Unknown) {
                    hasBeenHandled.set(true);
                    shell.closeOverlay();
                }
            }
        });
    }

    /** The help text of a pane: its keys, then the global ones, keys aligned in one column. */
    static List<String> lines(Pane pane) {
        List<KeyHint> all = new ArrayList<>(pane.keys());
        all.addAll(Pane.GLOBAL_KEYS);
        int width = all.stream().mapToInt(k -> CellWidth.of(k.keys())).max().orElse(1);
        List<String> out = new ArrayList<>();
        for (KeyHint k : all) {
            out.add(CellWidth.fit(k.keys(), width) + "   " + k.description());
        }
        return out;
    }

    @Override
    public Window window() {
        return window;
    }
}
