package dev.pryx.cli;

import dev.pryx.provider.KeyStatus;
import dev.pryx.provider.ProviderManager;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code pryx provider import-env [--yes]}: finds keys in the environment under the catalog's
 * variable names and offers to store them in the vault.
 */
@Command(name = "import-env", mixinStandardHelpOptions = true,
        description = {"Find provider keys in environment variables (OPENAI_API_KEY, ...) and store them in the vault.",
                "Asks for each on a terminal; without one, lists them unless --yes is given."})
public final class ProviderImportEnvCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--yes", description = "Store every key found without asking.")
    boolean yes;

    public ProviderImportEnvCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ProviderManager manager = context.manager();
        List<ProviderManager.EnvKey> found = manager.findEnvKeys();
        if (found.isEmpty()) {
            context.out().println("No provider keys found in the environment.");
            return ExitCode.OK;
        }
        boolean ask = !yes && context.input().interactive();
        if (!yes && !ask) {
            for (ProviderManager.EnvKey k : found) {
                context.out().println(k.variable() + " -> " + k.provider() + (k.keySet() ? " (a key is stored already)" : ""));
            }
            context.out().println("Run `pryx provider import-env --yes` to store them (a stored key is kept for rollback).");
            return ExitCode.OK;
        }
        int stored = 0;
        for (ProviderManager.EnvKey k : found) {
            if (ask && !context.input().confirm("Store " + k.variable() + " as the key of " + k.provider()
                    + (k.keySet() ? " (replacing the stored one, kept for rollback)" : "") + "?")) {
                continue;
            }
            KeyStatus s = manager.importEnvKey(k);
            context.out().println("Stored " + k.variable() + " as the key of " + k.provider() + " (" + s.fingerprint() + ").");
            stored++;
        }
        context.out().println(stored == 0 ? "Nothing stored." : "You can now remove these variables from your shell profile.");
        return ExitCode.OK;
    }
}
