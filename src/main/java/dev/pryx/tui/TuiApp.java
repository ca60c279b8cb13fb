package dev.pryx.tui;

import com.googlecode.lanterna.graphics.Theme;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.Environment;
import dev.pryx.support.PryxException;
import dev.pryx.support.PryxPaths;
import dev.pryx.tui.palette.PaletteIndex;
import dev.pryx.tui.palette.PaletteOverlay;
import dev.pryx.tui.shell.MainLoop;
import dev.pryx.tui.shell.PryxTextGui;
import dev.pryx.tui.shell.Shell;
import dev.pryx.tui.shell.TerminalBootstrap;
import dev.pryx.tui.shell.ThemeController;
import dev.pryx.tui.shell.TuiSecretInput;
import dev.pryx.tui.shell.TuiSettings;
import dev.pryx.tui.theme.ColorMode;
import dev.pryx.tui.theme.ThemeCatalog;
import dev.pryx.tui.vault.UnlockPane;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;
import org.slf4j.LoggerFactory;

/**
 * The full-screen app: chooses the theme (before the terminal is touched, so a bad
 * {@code --theme} is a plain error), opens the terminal, shows the unlock or create screen (or
 * unlocks at once with a passphrase from the environment), runs the loop, and always gives the
 * terminal back as it found it.
 */
public final class TuiApp {
    private TuiApp() {
    }

    /** What the app needs from outside. */
    public record Launch(ProviderManager manager, TuiSecretInput notices, Environment env, PryxPaths paths,
                         String themeFlag) {
    }

    /** Runs the app on the process's terminal; returns the exit code. */
    public static int run(Launch launch, InputStream in, OutputStream out) {
        ThemeChoice theme = chooseTheme(launch);
        TerminalBootstrap.Opened opened;
        Screen screen;
        try {
            opened = TerminalBootstrap.open(in, out);
            screen = new TerminalScreen(opened.terminal());
            screen.startScreen();
        } catch (IOException e) {
            throw new PryxException(PryxException.Kind.USAGE, "Cannot open the terminal (" + e.getMessage()
                    + "). Use the `pryx provider` commands instead.", e);
        }
        Shell shell = null;
        try {
            opened.bracketedPaste(true);
            TerminalBootstrap.disableSuspend();
            shell = start(screen, launch, theme, null);
            MainLoop.run(shell);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (shell != null) {
                shell.async().close();
            }
            try {
                opened.bracketedPaste(false);
                screen.stopScreen();
            } catch (IOException e) {
                LoggerFactory.getLogger(TuiApp.class).warn("restoring the terminal failed: {}", e.toString());
            }
        }
    }

    /** A theme to start with, and a line to show when the saved one could not be used. */
    record ThemeChoice(ThemeController controller, String name, Theme theme, String problem) {
    }

    static ThemeChoice chooseTheme(Launch launch) {
        TuiSettings settings = new TuiSettings(launch.paths().config());
        java.nio.file.Path userThemes = launch.paths().config().resolve("themes");
        ThemeController themes = new ThemeController(new ThemeCatalog(userThemes), userThemes,
                ColorMode.detect(launch.env()), settings);
        if (launch.themeFlag() != null) {
            return new ThemeChoice(themes, launch.themeFlag(), themes.load(launch.themeFlag()), null);
        }
        String saved = settings.theme().orElse(ThemeCatalog.DEFAULT_THEME);
        try {
            return new ThemeChoice(themes, saved, themes.load(saved), null);
        } catch (PryxException e) {
            return new ThemeChoice(themes, ThemeCatalog.DEFAULT_THEME, themes.load(ThemeCatalog.DEFAULT_THEME),
                    "Using the default theme: " + e.getMessage());
        }
    }

    /**
     * Builds the GUI on {@code screen} and shows the first screen; the caller pumps it (the main
     * loop, or a test on a virtual terminal). {@code workers} null means a private thread pool.
     */
    static Shell start(Screen screen, Launch launch, ThemeChoice theme, Executor workers) {
        PryxTextGui gui = new PryxTextGui(screen);
        Shell shell = new Shell(gui, launch.manager(), theme.controller(), workers);
        theme.controller().attach(gui, theme.name(), theme.theme());
        TuiScreens screens = new TuiScreens(shell);
        PaletteIndex palette = new PaletteIndex();
        shell.install(screens, s -> new PaletteOverlay(s, palette));
        if (screen instanceof TerminalScreen terminalScreen) {
            // Overlays size themselves from the terminal; full-screen windows follow by themselves.
            terminalScreen.getTerminal().addResizeListener((terminal, size) ->
                    gui.getGUIThread().invokeLater(shell::terminalResized));
        }
        launch.notices().connect(shell::status);
        shell.navigator().reset(new UnlockPane(shell, () -> shell.navigator().reset(screens.providers())));
        if (theme.problem() != null) {
            shell.status(theme.problem());
        }
        return shell;
    }

    /** For tests: start with the theme the launch asks for. */
    public static Shell start(Screen screen, Launch launch, Executor workers) {
        return start(screen, launch, chooseTheme(launch), workers);
    }
}
