package dev.pryx.tui;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.pryx.catalog.CatalogService;
import dev.pryx.provider.PassphraseSource;
import dev.pryx.provider.ProviderEvent;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.Environment;
import dev.pryx.support.PryxPaths;
import dev.pryx.tui.shell.Pane;
import dev.pryx.tui.shell.Shell;
import dev.pryx.tui.shell.TuiSecretInput;
import dev.pryx.vault.FileVault;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole TUI on Lanterna's in-memory terminal, pumped by the test: the real shell, panes,
 * manager, vault (cheap KDF costs) and the built-in offline catalog. Keys go in with
 * {@link #press}/{@link #type}; {@link #screen()} reads the cells back as text. Every frame's
 * text is kept so a test can assert a secret was never drawn.
 */
public final class VirtualTui implements AutoCloseable {
    private final DefaultVirtualTerminal terminal;
    private final TerminalScreen screen;
    private final Shell shell;
    private final ProviderManager manager;
    private final List<String> frames = new ArrayList<>();

    private VirtualTui(DefaultVirtualTerminal terminal, TerminalScreen screen, Shell shell, ProviderManager manager) {
        this.terminal = terminal;
        this.screen = screen;
        this.shell = shell;
        this.manager = manager;
    }

    /** Options for {@link #start}. */
    public static final class Options {
        final Map<String, String> env = new HashMap<>();
        int columns = 120;
        int rows = 40;
        String theme;

        public Options env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Options size(int columns, int rows) {
            this.columns = columns;
            this.rows = rows;
            return this;
        }

        public Options theme(String name) {
            this.theme = name;
            return this;
        }
    }

    public static VirtualTui start(Path home) {
        return start(home, new Options());
    }

    public static VirtualTui start(Path home, Options options) {
        PryxPaths paths = PryxPaths.under(home);
        Environment env = options.env::get;
        TuiSecretInput notices = new TuiSecretInput();
        ProviderManager manager = new ProviderManager(paths, FileVault.Options.cheapForTests(),
                new PassphraseSource(env, notices), notices,
                new CatalogService(paths, env, () -> {
                    throw new IllegalStateException("no network in TUI tests");
                }, Clock.systemUTC()), env, Clock.systemUTC(), ProviderEvent.Listener.NONE);
        DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(options.columns, options.rows));
        try {
            TerminalScreen screen = new TerminalScreen(terminal);
            screen.startScreen();
            Shell shell = TuiApp.start(screen, new TuiApp.Launch(manager, notices, env, paths, options.theme), null);
            VirtualTui tui = new VirtualTui(terminal, screen, shell, manager);
            tui.pump();
            return tui;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Shell shell() {
        return shell;
    }

    public ProviderManager manager() {
        return manager;
    }

    public Pane top() {
        return shell.navigator().top();
    }

    /** Runs the GUI until it is idle and no background work is pending (at most 20 s). */
    public VirtualTui pump() {
        long deadline = System.nanoTime() + 20_000_000_000L;
        try {
            while (true) {
                // As the main loop does between events: a busy spinner moves on.
                shell.animate(System.nanoTime());
                boolean worked = shell.gui().getGUIThread().processEventsAndUpdate();
                if (worked) {
                    frames.add(screen());
                }
                if (!worked && !shell.async().busy()) {
                    return this;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the TUI did not settle in 20 s; screen:\n" + screen());
                }
                if (!worked) {
                    Thread.sleep(2);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends keys one at a time, pumping after each, as a person typing would. */
    public VirtualTui press(KeyStroke... keys) {
        for (KeyStroke key : keys) {
            terminal.addInput(key);
            pump();
        }
        return this;
    }

    public VirtualTui press(KeyType type) {
        return press(new KeyStroke(type));
    }

    public VirtualTui ctrl(char letter) {
        return press(new KeyStroke(letter, true, false));
    }

    /** Types text, one key per character. */
    public VirtualTui type(String text) {
        for (char c : text.toCharArray()) {
            press(new KeyStroke(c, false, false));
        }
        return this;
    }

    /** Delivers text as a bracketed paste (start marker, characters, end marker). */
    public VirtualTui paste(String text) {
        terminal.addInput(new dev.pryx.tui.shell.BracketedPaste.Marker(true));
        for (char c : text.toCharArray()) {
            terminal.addInput(c == '\n' ? new KeyStroke(KeyType.Enter) : new KeyStroke(c, false, false));
        }
        terminal.addInput(new dev.pryx.tui.shell.BracketedPaste.Marker(false));
        return pump();
    }

    public VirtualTui resize(int columns, int rows) {
        terminal.setTerminalSize(new TerminalSize(columns, rows));
        return pump();
    }

    /** The screen as text, one line per row, trailing spaces removed. */
    public String screen() {
        TerminalSize size = terminal.getTerminalSize();
        StringBuilder out = new StringBuilder();
        for (int row = 0; row < size.getRows(); row++) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < size.getColumns(); column++) {
                TextCharacter c = terminal.getCharacter(new TerminalPosition(column, row));
                line.append(c == null ? " " : c.getCharacterString());
                if (c != null && c.isDoubleWidth()) {
                    column++;
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /** The character drawn at a cell. */
    public TextCharacter cell(int column, int row) {
        return terminal.getCharacter(new TerminalPosition(column, row));
    }

    /** Every frame drawn so far, as text. */
    public List<String> frames() {
        return frames;
    }

    @Override
    public void close() {
        shell.async().close();
        manager.close();
        try {
            screen.stopScreen();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
