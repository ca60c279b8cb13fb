package dev.pryx.cli;

import dev.pryx.provider.ActiveSelection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pryx provider current-model [--json]}: each value with where it came from. */
@Command(name = "current-model", mixinStandardHelpOptions = true,
        description = {"Show the provider, model and key reference in force, and where each comes from:",
                "a flag, PRYX_PROVIDER / PRYX_MODEL / PRYX_API_KEY_REF, or the configuration."})
public final class ProviderCurrentModelCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--provider", paramLabel = "ID", description = "Resolve as if this provider were chosen.")
    String provider;

    @Option(names = "--model", paramLabel = "M", description = "Resolve as if this model were chosen.")
    String model;

    @Mixin
    JsonOption json;

    public ProviderCurrentModelCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ActiveSelection s = context.manager().currentModel(provider, model);
        PrintWriter out = context.out();
        if (json.json) {
            Output.json(out, s);
            return ExitCode.OK;
        }
        row(out, "provider", s.provider());
        row(out, "model", s.model());
        row(out, "key", s.keyRef());
        if (s.provider().value() == null) {
            out.println("No default provider yet: `pryx provider use-model <id> <model>` sets one.");
        }
        return ExitCode.OK;
    }

    private static void row(PrintWriter out, String label, ActiveSelection.Value v) {
        out.printf("%-9s %s  (from %s)%n", label, v.value() == null ? "-" : v.value(), v.source());
    }
}
