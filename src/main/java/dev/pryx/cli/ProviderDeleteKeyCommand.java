package dev.pryx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pryx provider delete-key <id>}: every kept version. */
@Command(name = "delete-key", mixinStandardHelpOptions = true, description = "Delete the provider's key (all kept versions).")
public final class ProviderDeleteKeyCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<id>")
    String id;

    public ProviderDeleteKeyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        context.manager().deleteKey(id);
        context.out().println("Deleted the key of " + id + ".");
        return ExitCode.OK;
    }
}
