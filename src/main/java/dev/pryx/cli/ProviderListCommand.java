package dev.pryx.cli;

import dev.pryx.provider.CatalogEntry;
import dev.pryx.provider.ProviderView;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pryx provider list [--all] [--json]}. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = {"List the configured providers.", "With --all: every provider of the catalog (no vault needed)."})
public final class ProviderListCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--all", description = "List the whole catalog instead.")
    boolean all;

    @Mixin
    JsonOption json;

    public ProviderListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PrintWriter out = context.out();
        if (all) {
            List<CatalogEntry> entries = context.manager().catalogProviders();
            if (json.json) {
                Output.json(out, entries);
            } else {
                Output.table(out, List.of("ID", "NAME", "AUTH", "MODELS", "BASE URL", "CONFIGURED"), entries.stream()
                        .map(e -> List.of(e.id(), e.name(), String.join(",", e.authTypes()),
                                e.liveModels() ? e.models() + "+live" : Integer.toString(e.models()),
                                Output.orDash(e.baseUrl()), e.configured() ? "yes" : "")).toList());
            }
            return ExitCode.OK;
        }
        List<ProviderView> providers = context.manager().listProviders();
        if (json.json) {
            Output.json(out, providers);
        } else if (providers.isEmpty()) {
            out.println("No providers yet. Add one with `pryx provider add <id>`; `pryx provider list --all` shows them all.");
        } else {
            Output.table(out, List.of("", "ID", "NAME", "PROVIDER", "KEY", "MODEL", "ENABLED"), providers.stream()
                    .map(p -> List.of(p.active() ? "*" : "", p.id(), p.name(), p.provider(),
                            p.fingerprint() == null ? p.keyState() : p.keyState() + " " + p.fingerprint(),
                            Output.orDash(p.model()), p.enabled() ? "yes" : "no")).toList());
        }
        return ExitCode.OK;
    }
}
