package dev.pryx.cli;

import dev.pryx.provider.ProviderView;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code pryx provider status [--json]}: the configuration view (live checks come with `provider test`). */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "One board: each provider, enabled, key state and fingerprint, default model, base URL.")
public final class ProviderStatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    JsonOption json;

    public ProviderStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        List<ProviderView> providers = context.manager().listProviders();
        if (json.json) {
            Output.json(context.out(), providers);
            return ExitCode.OK;
        }
        if (providers.isEmpty()) {
            context.out().println("No providers yet. Add one with `pryx provider add <id>`.");
            return ExitCode.OK;
        }
        for (ProviderView p : providers) {
            context.out().println((p.active() ? "* " : "  ") + p.id() + " (" + p.name() + ")" + (p.enabled() ? "" : "  [disabled]"));
            context.out().println("    auth      " + p.authType() + ": " + p.keyState() + (p.fingerprint() == null ? "" : " " + p.fingerprint()));
            context.out().println("    model     " + Output.orDash(p.model()));
            context.out().println("    base url  " + p.baseUrl());
        }
        return ExitCode.OK;
    }
}
