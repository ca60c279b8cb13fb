package dev.pryx.tui.shell;

import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.gui2.DefaultWindowManager;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.MultiWindowTextGUI;
import com.googlecode.lanterna.gui2.SameTextGUIThread;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.screen.Screen;
import java.util.function.Predicate;

/**
 * The window-based GUI with pryx's key routing in front of Lanterna's dispatch (Lanterna offers
 * only a listener after dispatch, which is too late for keys that must win, such as Ctrl+P
 * inside a text field). Runs on the thread that calls {@link MainLoop}.
 */
public final class PryxTextGui extends MultiWindowTextGUI {
    private Predicate<KeyStroke> router = key -> false;
    private Runnable afterKey = () -> { };

    public PryxTextGui(Screen screen) {
        super(new SameTextGUIThread.Factory(), screen, new DefaultWindowManager(), null,
                new EmptySpace(TextColor.ANSI.DEFAULT));
    }

    void setRouter(Predicate<KeyStroke> router, Runnable afterKey) {
        this.router = router;
        this.afterKey = afterKey;
    }

    @Override
    public synchronized boolean handleInput(KeyStroke key) {
        try {
            return router.test(key) || super.handleInput(key);
        } finally {
            afterKey.run();
        }
    }
}
