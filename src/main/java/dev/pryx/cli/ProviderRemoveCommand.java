package dev.pryx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pryx provider remove <id>}: the account and its key. */
@Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a provider and its key from the vault.")
public final class ProviderRemoveCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<id>")
    String id;

    public ProviderRemoveCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.manager().removeProvider(id);
        context.out().println("Removed " + id + " and its key.");
        return ExitCode.OK;
    }
}
