package dev.pryx.cli;

import dev.pryx.provider.ProviderConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pryx provider use-model <id> <model>}: the provider's default model, and the provider becomes the default. */
@Command(name = "use-model", mixinStandardHelpOptions = true,
        description = "Set the provider's default model and make it the default provider.")
public final class ProviderUseModelCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "<id>")
    String id;

    @Parameters(index = "1", paramLabel = "<model>")
    String model;

    public ProviderUseModelCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ProviderConfig c = context.manager().useModel(id, model);
        context.out().println("Default: " + c.id() + " / " + c.model() + ".");
        return ExitCode.OK;
    }
}
