package dev.pryx.cli;

import dev.pryx.provider.ModelView;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code pryx provider models <id> [--json]}. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "List a provider's models ('*' marks its default).")
public final class ProviderModelsCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<id>")
    String id;

    @Mixin
    JsonOption json;

    public ProviderModelsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<ModelView> models = context.manager().models(id);
        if (json.json) {
            Output.json(context.out(), models);
            return ExitCode.OK;
        }
        Output.table(context.out(), List.of("", "MODEL", "CONTEXT", "IN $/M", "OUT $/M", "CAPABILITIES"), models.stream()
                .map(m -> List.of(m.isDefault() ? "*" : "", m.id(), tokens(m.contextTokens()), price(m.inputCostPerMillion()),
                        price(m.outputCostPerMillion()), capabilities(m))).toList());
        return ExitCode.OK;
    }

    private static String tokens(Long n) {
        if (n == null) {
            return "-";
        }
        return n >= 1_000_000 && n % 1_000_000 == 0 ? n / 1_000_000 + "M" : n >= 1000 ? Math.round(n / 1000.0) + "k" : n.toString();
    }

    private static String price(Double p) {
        return p == null ? "-" : String.format(java.util.Locale.ROOT, "%.2f", p);
    }

    private static String capabilities(ModelView m) {
        List<String> c = new ArrayList<>();
        if (m.toolCall()) {
            c.add("tools");
        }
        if (m.reasoning()) {
            c.add("reasoning");
        }
        if (m.attachment()) {
            c.add("files");
        }
        if (m.status() != null) {
            c.add(m.status());
        }
        return String.join(",", c);
    }
}
