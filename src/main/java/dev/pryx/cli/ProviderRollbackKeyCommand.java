package dev.pryx.cli;

import dev.pryx.provider.KeyStatus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pryx provider rollback-key <id>}: back to the key in use before the last rotation. */
@Command(name = "rollback-key", mixinStandardHelpOptions = true,
        description = "Go back to the provider's previous key (after rotate-key or set-key).")
public final class ProviderRollbackKeyCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<id>")
    String id;

    public ProviderRollbackKeyCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        KeyStatus status = context.manager().rollbackKey(id);
        context.out().println("The key of " + id + " is the previous one again (" + status.fingerprint() + ").");
        return ExitCode.OK;
    }
}
