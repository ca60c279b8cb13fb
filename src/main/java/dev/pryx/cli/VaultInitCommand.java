package dev.pryx.cli;

import dev.pryx.provider.VaultReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code pryx vault init}: creates the vault (passphrase typed twice on a terminal). */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create a new, empty vault protected by a passphrase.")
public final class VaultInitCommand implements Callable<Integer> {
    private final CliContext context;

    public VaultInitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        VaultReport report = context.manager().initVault();
        context.out().println("Created a new vault at " + report.path() + ".");
        return ExitCode.OK;
    }
}
