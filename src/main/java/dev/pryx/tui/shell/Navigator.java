package dev.pryx.tui.shell;

import com.googlecode.lanterna.gui2.WindowBasedTextGUI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The screen stack: opening a pane pushes its full-screen window, Esc pops it, and the bottom
 * pane (the provider list) is home and is never popped. Overlays (palette, help, dialogs) are
 * not part of the stack; they sit above whatever pane is on top.
 */
public final class Navigator {
    private final WindowBasedTextGUI gui;
    private final Deque<Pane> stack = new ArrayDeque<>();
    private final java.util.function.Consumer<Pane> onTop;

    Navigator(WindowBasedTextGUI gui, java.util.function.Consumer<Pane> onTop) {
        this.gui = gui;
        this.onTop = onTop;
    }

    /** Shows {@code pane} on top of the current one. */
    public void push(Pane pane) {
        stack.push(pane);
        gui.addWindow(pane.window());
        gui.setActiveWindow(pane.window());
        pane.onShow();
        onTop.accept(pane);
    }

    /** Closes the top pane unless it is home; returns whether one was closed. */
    public boolean pop() {
        if (stack.size() <= 1) {
            return false;
        }
        Pane top = stack.pop();
        top.onClose();
        gui.removeWindow(top.window());
        Pane now = stack.peek();
        gui.setActiveWindow(now.window());
        now.onShow();
        onTop.accept(now);
        return true;
    }

    /** Closes every pane and shows {@code home} alone (after unlocking, say). */
    public void reset(Pane home) {
        while (!stack.isEmpty()) {
            Pane p = stack.pop();
            p.onClose();
            gui.removeWindow(p.window());
        }
        push(home);
    }

    /** Closes panes above the home pane; home re-reads what may have changed either way. */
    public void popToHome() {
        if (stack.size() == 1) {
            stack.peek().onShow();
        }
        while (stack.size() > 1) {
            pop();
        }
    }

    public Pane top() {
        return stack.peek();
    }

    /** Bottom first. */
    public List<Pane> panes() {
        List<Pane> out = new java.util.ArrayList<>(stack);
        java.util.Collections.reverse(out);
        return out;
    }
}
