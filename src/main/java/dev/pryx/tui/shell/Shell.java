package dev.pryx.tui.shell;

import com.googlecode.lanterna.gui2.Interactable;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.gui2.Window;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.PryxException;
import dev.pryx.tui.widgets.SecretField;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every pane can reach: the manager, the screen stack, the overlays, background work, the
 * theme and the status line; and the key routing that sits in front of Lanterna's dispatch.
 *
 * <p>Key order: paste markers; Ctrl+C and Ctrl+P, which always win (also inside text fields);
 * an open overlay gets everything else; then {@code /}, {@code ?}, {@code q} and Esc unless a
 * text field has focus; then the top pane's shortcuts; then the focused component.
 */
public final class Shell {
    /** Looked up when first needed: initialising logging costs 150-190 ms, too much for start-up to pay up front. */
    private static Logger log() {
        return LoggerFactory.getLogger(Shell.class);
    }

    private final PryxTextGui gui;
    private final ProviderManager manager;
    private final Navigator navigator;
    private final Async async;
    private final ThemeController themes;
    private Screens screens;
    private Function<Shell, Overlay> paletteFactory;
    private Overlay overlay;
    private boolean pasting;
    /** The last status line set while handling the current key; a pane opened by that key shows it too. */
    private String carried;
    private StatusTone carriedTone = StatusTone.INFO;
    private boolean quit;

    public Shell(PryxTextGui gui, ProviderManager manager, ThemeController themes, java.util.concurrent.Executor workers) {
        this.gui = gui;
        this.manager = manager;
        this.themes = themes;
        this.navigator = new Navigator(gui, this::carryStatusTo);
        this.async = new Async(gui.getGUIThread(), workers);
        gui.setRouter(this::route, this::keyDone);
    }

    /** Wires the application's screens and palette (they need the shell to exist first). */
    public void install(Screens screens, Function<Shell, Overlay> paletteFactory) {
        this.screens = screens;
        this.paletteFactory = paletteFactory;
    }

    public ProviderManager manager() {
        return manager;
    }

    public Navigator navigator() {
        return navigator;
    }

    public Screens screens() {
        return screens;
    }

    public Async async() {
        return async;
    }

    public ThemeController themes() {
        return themes;
    }

    public PryxTextGui gui() {
        return gui;
    }

    /** One line on the top pane's status line. Safe from any thread. */
    public void status(String message) {
        status(message, StatusTone.INFO);
    }

    /** A spinner and a line while work runs; the result's own status line replaces it. */
    public void busy(String message) {
        status(message, StatusTone.BUSY);
    }

    /** One line in a tone: a result's colour and mark, or a spinner. Safe from any thread. */
    public void status(String message, StatusTone tone) {
        Runnable show = () -> {
            carried = message;
            carriedTone = tone;
            Pane top = navigator.top();
            if (top != null) {
                top.showStatus(message, tone);
            }
        };
        if (Thread.currentThread() == gui.getGUIThread().getThread()) {
            show.run();
        } else {
            gui.getGUIThread().invokeLater(show);
        }
    }

    /**
     * Tells the person what went wrong: a {@link PryxException}'s sentence as it is; anything else
     * is a bug, logged with its stack trace and shown as one line pointing at the log.
     */
    public void fail(RuntimeException e) {
        status(describe(e), StatusTone.ERROR);
    }

    /**
     * Runs a step a person asked for; when it fails with a {@link PryxException} its sentence goes to
     * the status line and the screen keeps what it had. Returns whether the step succeeded.
     */
    public boolean attempt(Runnable step) {
        try {
            step.run();
            return true;
        } catch (PryxException e) {
            fail(e);
            return false;
        }
    }

    /** The one line shown for a failure. */
    public static String describe(RuntimeException e) {
        if (e instanceof PryxException p) {
            return p.getMessage();
        }
        log().error("unexpected failure in the TUI", e);
        return "Something went wrong (" + e.getClass().getSimpleName() + "); details are in the log file.";
    }

    // ---- overlays -----------------------------------------------------------------------------

    /** A window above the panes (palette, help, a question); one at a time. */
    public interface Overlay {
        Window window();

        /** Called once the overlay is closed, whichever way. */
        default void onClose() {
        }

        /** Called on the GUI thread after the terminal changed size. */
        default void onTerminalResized() {
        }
    }

    public void openOverlay(Overlay next) {
        closeOverlay();
        overlay = next;
        gui.addWindow(next.window());
        gui.setActiveWindow(next.window());
    }

    public void closeOverlay() {
        if (overlay != null) {
            Overlay closing = overlay;
            overlay = null;
            gui.removeWindow(closing.window());
            closing.onClose();
            Pane top = navigator.top();
            if (top != null) {
                gui.setActiveWindow(top.window());
                top.onShow();
            }
        }
    }

    /** The terminal changed size: an open overlay re-sizes itself (full-screen panes follow by themselves). */
    public void terminalResized() {
        if (overlay != null) {
            overlay.onTerminalResized();
        }
    }

    public Overlay overlay() {
        return overlay;
    }

    public void openPalette() {
        if (paletteFactory != null && navigator.top() != null && manager.vaultUnlocked()) {
            openOverlay(paletteFactory.apply(this));
        }
    }

    public void openHelp() {
        Pane top = navigator.top();
        if (top != null) {
            openOverlay(new HelpOverlay(this, top));
        }
    }

    /** Asks a yes/no question; {@code onYes} runs after "y". */
    public void confirm(String question, Runnable onYes) {
        openOverlay(new ConfirmOverlay(this, question, onYes));
    }

    // ---- quitting -----------------------------------------------------------------------------

    /** Quits, asking first when a pane holds something typed and not saved. */
    public void requestQuit() {
        boolean unsaved = navigator.panes().stream().anyMatch(Pane::hasUnsavedInput);
        if (unsaved && !(overlay instanceof ConfirmOverlay)) {
            confirm("Quit and discard what you typed?", this::quitNow);
        } else {
            quitNow();
        }
    }

    public void quitNow() {
        quit = true;
    }

    public boolean quitRequested() {
        return quit;
    }

    /** Moves a busy spinner on; the main loop calls it between events. */
    public void animate(long nanos) {
        Pane top = navigator.top();
        if (top != null) {
            top.animate(nanos);
        }
    }

    // ---- keys ---------------------------------------------------------------------------------

    /** Called by the navigator when a pane comes to the top. */
    void carryStatusTo(Pane pane) {
        if (carried != null) {
            pane.showStatus(carried, carriedTone);
        }
    }

    /** After each key: a later pane change no longer belongs to that key's messages. */
    void keyDone() {
        carried = null;
    }

    /** Pre-dispatch routing; returns true when the key was used here. */
    boolean route(KeyStroke key) {
        if (key instanceof BracketedPaste.Marker marker) {
            pasting = marker.start();
            return true;
        }
        Interactable focused = gui.getFocusedInteractable();
        boolean inText = isTextField(focused);
        if (pasting) {
            // Pasted text goes to a text field as characters; nothing in it is a command.
            if (inText && key.getKeyType() == KeyType.Character) {
                return false;
            }
            return true;
        }
        if (isCtrl(key, 'c')) {
            requestQuit();
            return true;
        }
        if (isCtrl(key, 'z')) {
            status("pryx does not suspend (it would come back frozen); q quits.");
            return true;
        }
        if (isCtrl(key, 'p')) {
            if (overlay != null && overlay.getClass() != ConfirmOverlay.class && overlay.getClass() != HelpOverlay.class) {
                closeOverlay();
            } else {
                openPalette();
            }
            return true;
        }
        if (key.getKeyType() == KeyType.F1) {
            if (overlay == null) {
                openHelp();
            }
            return true;
        }
        if (inText && key.getKeyType() == KeyType.Character && (key.isCtrlDown() || key.isAltDown())) {
            // A pane may bind one (the model picker's Ctrl+R); else it is dropped, since TextBox
            // would insert Ctrl- and Alt-letters as text.
            Pane top = navigator.top();
            if (overlay == null && top != null && top.onKey(key)) {
                return true;
            }
            return !(focused instanceof SecretField) || !isCtrl(key, 'u');
        }
        if (overlay != null) {
            return false;
        }
        Pane top = navigator.top();
        if (top == null) {
            return false;
        }
        if (!inText && key.getKeyType() == KeyType.Character && !key.isCtrlDown() && !key.isAltDown()) {
            char c = key.getCharacter();
            if (c == '/' && manager.vaultUnlocked()) {
                openPalette();
                return true;
            }
            if (c == '?') {
                openHelp();
                return true;
            }
            if (c == 'q') {
                requestQuit();
                return true;
            }
        }
        // In a text field, characters are text: the pane only sees Enter, Tab, arrows and the like.
        boolean offer = !inText || key.getKeyType() != KeyType.Character;
        if (offer && top.onKey(key)) {
            return true;
        }
        if (key.getKeyType() == KeyType.Escape) {
            if (!navigator.pop()) {
                // The bottom screen (home, or unlock): say how to leave instead of going "back".
                status("Nothing to go back to: " + (inText ? "Ctrl+C" : "q") + " quits.");
            }
            return true;
        }
        return false;
    }

    /** Where letters are text rather than commands. */
    static boolean isTextField(Interactable focused) {
        return focused instanceof TextBox || focused instanceof SecretField;
    }

    private static boolean isCtrl(KeyStroke key, char letter) {
        return key.getKeyType() == KeyType.Character && key.isCtrlDown() && !key.isAltDown()
                && Character.toLowerCase(key.getCharacter()) == letter;
    }
}
