package dev.pryx.tui.shell;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.gui2.BasicWindow;
import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.ArrayList;
import java.util.List;

/**
 * A full-screen screen of the stack: a title line, the pane's body, a status line and a footer of
 * keys. Subclasses give the body, their keys, and their single-key shortcuts; the shell routes
 * keys (global ones first, then {@link #onKey}, then the focused component).
 *
 * <pre>
 *  pryx · Providers                                  (title, bold)
 *  ...body...
 *  Saved the key for openai.                         (status line)
 *  a add  k key  m model  ·  / palette  ? help  q quit (footer)
 * </pre>
 */
public abstract class Pane {
    /** The keys every screen has; shown after the pane's own in the footer. */
    public static final List<KeyHint> GLOBAL_KEYS = List.of(
            KeyHint.footer("/", "palette"), KeyHint.footer("?", "help"), KeyHint.footer("Esc", "back"),
            KeyHint.footer("q", "quit"), KeyHint.help("Ctrl+P", "palette, also inside text fields"),
            KeyHint.help("F1", "help, also inside text fields"), KeyHint.help("Ctrl+C", "quit"));

    /** In a text field letters are text, so the footer names the keys that still work there. */
    static final List<KeyHint> GLOBAL_KEYS_IN_TEXT = List.of(
            KeyHint.footer("Ctrl+P", "palette"), KeyHint.footer("F1", "help"), KeyHint.footer("Esc", "back"),
            KeyHint.footer("Ctrl+C", "quit"));

    protected final Shell shell;
    private final String title;
    private BasicWindow window;
    private OneLine status;
    private OneLine footer;

    protected Pane(Shell shell, String title) {
        this.shell = shell;
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** The pane's content; called once, on the GUI thread, when the pane is first shown. */
    protected abstract Component body();

    /** Every key of this screen, for the help overlay; those marked for the footer are shown there. */
    public abstract List<KeyHint> keys();

    /**
     * Single-key shortcuts of this pane, asked before the focused component sees the key (so a
     * list's type-ahead cannot eat them). Only called when no text field has focus.
     */
    public boolean onKey(KeyStroke key) {
        return false;
    }

    /** Called each time the pane comes to the top: re-read what may have changed. */
    public void onShow() {
    }

    /** Whether leaving now would lose something typed; quitting asks first when so. */
    public boolean hasUnsavedInput() {
        return false;
    }

    /** Called when the pane leaves the stack: wipe secrets, drop pending work. */
    public void onClose() {
    }

    public final Window window() {
        if (window == null) {
            window = new BasicWindow();
            window.setHints(List.of(Window.Hint.FULL_SCREEN, Window.Hint.NO_DECORATIONS));
            Panel root = new Panel(new BorderLayout());
            Label heading = new Label(" pryx · " + title);
            heading.addStyle(SGR.BOLD);
            root.addComponent(heading, BorderLayout.Location.TOP);
            root.addComponent(body(), BorderLayout.Location.CENTER);
            Panel bottom = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
            status = new OneLine();
            footer = new OneLine();
            footer.reverse = true;
            footer.source = this::footerText;
            // Fill: a line takes the whole width, whatever its preferred size.
            bottom.addComponent(status, LinearLayout.createLayoutData(LinearLayout.Alignment.Fill));
            bottom.addComponent(footer, LinearLayout.createLayoutData(LinearLayout.Alignment.Fill));
            root.addComponent(bottom, BorderLayout.Location.BOTTOM);
            window.setComponent(root);
        }
        return window;
    }

    /**
     * The width list rows are laid out for: the terminal's, less the leading space and the list's
     * scroll bar. Headers and rows use the same, so their columns agree whether or not the scroll
     * bar is showing (a list draws its rows one cell narrower when it is).
     */
    protected final int rowColumns() {
        return Math.max(20, shell.gui().getScreen().getTerminalSize().getColumns() - 2);
    }

    /** Shows one line under the body until the next one replaces it. */
    public final void showStatus(String message) {
        showStatus(message, StatusTone.INFO);
    }

    /** Shows one line in a tone (a result's colour and mark, or a spinner while busy). */
    public final void showStatus(String message, StatusTone tone) {
        window();
        String text = message == null ? "" : message.replace('\n', ' ');
        status.setText(text.isEmpty() ? text : tone.marked(text), tone);
    }

    /** Moves a busy status line's spinner on when its frame is due; called by the main loop. */
    final void animate(long nanos) {
        if (status != null && status.tone == StatusTone.BUSY && status.frame != StatusTone.spinnerFrame(nanos)) {
            status.invalidate();
        }
    }

    /** The status line's text and tone, for tests. */
    public final String statusText() {
        return status == null ? "" : status.text();
    }

    public final StatusTone statusTone() {
        return status == null ? StatusTone.INFO : status.tone;
    }

    /** Re-reads {@link #keys()} into the footer (a pane whose keys change calls this). */
    protected final void refreshFooter() {
        if (footer != null) {
            footer.invalidate();
        }
    }

    /** The status line: one row, cut with an ellipsis to the width (Lanterna's Label would wrap and lose the rest). */
    static final class OneLine extends com.googlecode.lanterna.gui2.AbstractComponent<OneLine> {
        private String text = "";
        private StatusTone tone = StatusTone.INFO;
        /** The spinner frame last drawn, so the loop redraws only when the next one is due. */
        private char frame;
        private boolean reverse;
        /** When set, the text is made for the width at each draw. */
        private java.util.function.IntFunction<String> source;

        void setText(String text) {
            setText(text, StatusTone.INFO);
        }

        void setText(String text, StatusTone tone) {
            this.text = text;
            this.tone = tone;
            invalidate();
        }

        String text() {
            return text;
        }

        @Override
        protected com.googlecode.lanterna.gui2.ComponentRenderer<OneLine> createDefaultRenderer() {
            return new com.googlecode.lanterna.gui2.ComponentRenderer<>() {
                @Override
                public com.googlecode.lanterna.TerminalSize getPreferredSize(OneLine line) {
                    return new com.googlecode.lanterna.TerminalSize(1, 1);
                }

                @Override
                public void drawComponent(com.googlecode.lanterna.gui2.TextGUIGraphics g, OneLine line) {
                    String category = line.tone.themeCategory();
                    com.googlecode.lanterna.graphics.ThemeStyle style = category == null ? null
                            : line.getThemeDefinition().getCustom(category);
                    g.applyThemeStyle(style != null ? style : line.getThemeDefinition().getNormal());
                    if (line.reverse) {
                        g.enableModifiers(SGR.REVERSE);
                    }
                    int width = g.getSize().getColumns();
                    String shown;
                    if (line.source != null) {
                        shown = line.source.apply(width);
                    } else if (line.tone == StatusTone.BUSY && !line.text.isEmpty()) {
                        line.frame = StatusTone.spinnerFrame(System.nanoTime());
                        shown = " " + line.frame + " " + line.text;
                    } else {
                        shown = " " + line.text;
                    }
                    g.putString(0, 0, dev.pryx.tui.text.CellWidth.fit(shown, width));
                }
            };
        }
    }

    /**
     * The footer for a width: the global keys always, then as many of the pane's own (in order) as
     * fit before them, so the main keys never fall off a narrow terminal.
     */
    String footerText(int width) {
        List<String> global = new ArrayList<>();
        boolean inText = window != null && Shell.isTextField(window.getFocusedInteractable());
        List<Pane> stack = shell.navigator().panes();
        boolean bottom = stack.isEmpty() || stack.get(0) == this;
        for (KeyHint k : inText ? GLOBAL_KEYS_IN_TEXT : GLOBAL_KEYS) {
            if (k.inFooter() && !(bottom && k.keys().equals("Esc"))) {
                global.add(k.keys() + " " + k.description());
            }
        }
        String tail = String.join("  ", global);
        StringBuilder own = new StringBuilder();
        for (KeyHint k : keys()) {
            if (!k.inFooter()) {
                continue;
            }
            String part = (own.length() == 0 ? "" : "  ") + k.keys() + " " + k.description();
            if (dev.pryx.tui.text.CellWidth.of(own + part + "  ·  " + tail) + 2 > width) {
                break;
            }
            own.append(part);
        }
        return " " + (own.length() == 0 ? "" : own + "  ·  ") + tail;
    }
}
