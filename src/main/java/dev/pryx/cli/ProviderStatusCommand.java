package dev.pryx.cli;

import dev.pryx.provider.LastTest;
import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.ProviderView;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pryx provider status [--check] [--json]}: one board of every provider with its last test;
 * {@code --check} tests the enabled ones first, several at a time, and exits 1 if any has a problem.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"One board: each provider, enabled, key state and fingerprint, default model, base URL, last test.",
                "--check tests every enabled provider first (several at once) and exits 1 if any has a problem."})
public final class ProviderStatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    JsonOption json;

    @Option(names = "--check", description = "Test every enabled provider now (at most 8 at a time).")
    boolean check;

    /** Tests mostly wait on the network; eight at once is plenty for a person's providers without flooding a proxy. */
    static final int PARALLEL_TESTS = 8;

    /** The board as {@code --json} prints it: the provider's fields as before, plus its last test and any problem found. */
    record Entry(@com.fasterxml.jackson.annotation.JsonUnwrapped ProviderView provider, LastTest lastTest, String problem) {
    }

    public ProviderStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ProviderManager manager = context.manager();
        List<ProviderView> providers = manager.listProviders();
        Map<String, String> problems = new HashMap<>();
        boolean allOk = true;
        if (check) {
            List<String> enabled = providers.stream().filter(ProviderView::enabled).map(ProviderView::id).toList();
            for (ProviderManager.CheckOutcome outcome : manager.testConnections(enabled, PARALLEL_TESTS)) {
                if (!outcome.ok()) {
                    allOk = false;
                    problems.put(outcome.id(), outcome.report() != null
                            ? outcome.report().message() + " " + outcome.report().hint() : outcome.problem());
                }
            }
        }
        Map<String, LastTest> tests = manager.lastTests();
        if (json.json) {
            Output.json(context.out(), providers.stream()
                    .map(p -> new Entry(p, tests.get(p.id()), problems.get(p.id()))).toList());
            return allOk ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
        if (providers.isEmpty()) {
            context.out().println("No providers yet. Add one with `pryx provider add <id>`.");
            return ExitCode.OK;
        }
        for (ProviderView p : providers) {
            context.out().println((p.active() ? "* " : "  ") + p.id() + " (" + p.name() + ")" + (p.enabled() ? "" : "  [disabled]"));
            context.out().println("    auth       " + p.authType() + ": " + p.keyState() + (p.fingerprint() == null ? "" : " " + p.fingerprint()));
            context.out().println("    model      " + Output.orDash(p.model()));
            context.out().println("    base url   " + p.baseUrl());
            LastTest last = tests.get(p.id());
            context.out().println("    last test  " + (last == null ? "never (pryx provider test " + p.id() + ")"
                    : last.verdict().replace('_', ' ') + ", " + last.latencyMs() + " ms, " + last.at()));
            if (problems.containsKey(p.id())) {
                context.out().println("    problem    " + problems.get(p.id()));
            }
        }
        return allOk ? ExitCode.OK : ExitCode.CHECK_FAILED;
    }
}
