package dev.pryx.cli;

import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.SecretInput;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What every command needs: the manager (built on first use, so that {@code --help} and
 * {@code --version} touch no files), where secrets are read from, and the output streams.
 *
 * @param logFile where stack traces go, named in internal-error messages
 * @param tui     opens the full-screen app (the CLI cannot reach the tui package; Main wires it)
 */
public record CliContext(Supplier<ProviderManager> managerFactory, SecretInput input, PrintWriter out, PrintWriter err,
                         Path logFile, TuiLauncher tui) {
    /** Opens the TUI and returns its exit code. */
    @FunctionalInterface
    public interface TuiLauncher {
        /**
         * @param theme the theme asked for with {@code --theme}, or null
         * @return the exit code
         */
        int open(String theme);
    }

    private static final Object LOCK = new Object();

    public ProviderManager manager() {
        synchronized (LOCK) {
            return managerFactory.get();
        }
    }
}
