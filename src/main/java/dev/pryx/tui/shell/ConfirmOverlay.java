package dev.pryx.tui.shell;

import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A yes/no question: {@code y} confirms, {@code n} or Esc declines (so a stray Enter never
 * deletes anything).
 *
 * <pre>
 * ┌ Confirm ───────────────────────────┐
 * │ Remove openai and its key?         │
 * │ y yes   n / Esc no                 │
 * └────────────────────────────────────┘
 * </pre>
 */
final class ConfirmOverlay implements Shell.Overlay {
    private final BasicWindow window;

    ConfirmOverlay(Shell shell, String question, Runnable onYes) {
        window = new BasicWindow("Confirm");
        window.setHints(List.of(Window.Hint.CENTERED, Window.Hint.MODAL));
        Panel panel = new Panel(new LinearLayout(Direction.VERTICAL));
        panel.addComponent(new Label(question));
        panel.addComponent(new Label("y yes   n / Esc no"));
        window.setComponent(panel);
        window.addWindowListener(new com.googlecode.lanterna.gui2.WindowListenerAdapter() {
            @Override
            public void onUnhandledInput(Window basePane, KeyStroke key, AtomicBoolean hasBeenHandled) {
                hasBeenHandled.set(true);
                if (key.getKeyType() == KeyType.Character && Character.toLowerCase(key.getCharacter()) == 'y') {
                    shell.closeOverlay();
                    onYes.run();
                } else if (key.getKeyType() == KeyType.Escape
                        || key.getKeyType() == KeyType.Character && Character.toLowerCase(key.getCharacter()) == 'n') {
                    shell.closeOverlay();
                }
            }
        });
    }

    @Override
    public Window window() {
        return window;
    }
}
