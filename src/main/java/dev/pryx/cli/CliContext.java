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
 */
public record CliContext(Supplier<ProviderManager> managerFactory, SecretInput input, PrintWriter out, PrintWriter err,
                         Path logFile) {
    private static final Object LOCK = new Object();

    public ProviderManager manager() {
        synchronized (LOCK) {
            return managerFactory.get();
        }
    }
}
