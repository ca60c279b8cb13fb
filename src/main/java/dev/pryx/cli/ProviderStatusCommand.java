package dev.pryx.cli;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.pryx.provider.LastTest;
import dev.pryx.provider.NetworkView;
import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.ProviderStatus;
import dev.pryx.support.RelativeTime;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code pryx provider status [--check] [--json]}: one board of every provider, the way
 * {@code gh auth status} shows accounts; {@code --check} tests the enabled ones first, several at
 * a time, and exits 1 if any has a problem.
 *
 * <pre>
 * * openai (OpenAI)  in force (config)
 *     key        set, fp:3096946b2625, stored 3 days ago
 *     key from   vault:openai
 *     model      gpt-5 (PRYX_MODEL)
 *     base url   https://api.openai.com/v1
 *     last test  ok, 212 ms, 5 minutes ago
 * </pre>
 */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"One board: each provider, enabled, key state, fingerprint and age, where the key and model come from "
                + "(config or an environment override), base URL, last test.",
                "--check tests every enabled provider first (several at once) and exits 1 if any has a problem."})
public final class ProviderStatusCommand implements Callable<Integer> {
    private final CliContext context;

    @Mixin
    JsonOption json;

    @Option(names = "--check", description = "Test every enabled provider now (up to "
            + ProviderManager.CHECK_PARALLELISM + " at a time).")
    boolean check;

    /** The board as {@code --json} prints it: the provider's status, plus any problem {@code --check} found. */
    record Entry(@JsonUnwrapped ProviderStatus provider, String problem) {
    }

    public ProviderStatusCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ProviderManager manager = context.manager();
        Map<String, String> problems = check ? check(manager) : Map.of();
        ProviderManager.StatusBoard board = manager.status();
        NetworkView network = manager.networkSettings();
        board.warnings().forEach(w -> context.err().println("Warning: " + w));
        network.notes().forEach(n -> context.err().println("Warning: " + n));
        int exit = problems.isEmpty() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        if (json.json) {
            Output.json(context.out(), board.providers().stream().map(p -> new Entry(p, problems.get(p.id()))).toList());
            return exit;
        }
        if (board.providers().isEmpty()) {
            context.out().println("No providers yet. Add one with `pryx provider add <id>`.");
            return exit;
        }
        Instant now = Instant.now();
        if (network.summary() != null) {
            context.out().println("Network: " + network.summary() + " (pryx network show)");
        }
        for (ProviderStatus p : board.providers()) {
            print(context.out(), p, problems.get(p.id()), now);
        }
        return exit;
    }

    /** Tests the enabled providers; the problem of each one that is not fine, by id. */
    private static Map<String, String> check(ProviderManager manager) {
        Map<String, String> problems = new HashMap<>();
        for (ProviderManager.CheckOutcome outcome : manager.checkEnabled()) {
            if (!outcome.ok()) {
                problems.put(outcome.id(), outcome.whatIsWrong());
            }
        }
        return problems;
    }

    private static void print(PrintWriter out, ProviderStatus p, String problem, Instant now) {
        out.println((p.active() ? "* " : "  ") + p.id() + " (" + p.name() + ")"
                + (p.active() ? "  in force (" + source(p.activeSource()) + ")" : "")
                + (p.enabled() ? "" : "  [disabled]"));
        if (p.keyRef() == null) {
            out.println("    key        not needed");
        } else {
            out.println("    key        " + p.keyState() + (p.fingerprint() == null ? "" : ", " + p.fingerprint())
                    + (p.keyChangedAt() == null ? "" : ", stored " + RelativeTime.describe(p.keyChangedAt(), now))
                    + (p.keyVersions() > 1 ? " (" + (p.keyVersions() - 1) + " earlier kept for rollback)" : ""));
            out.println("    key from   " + p.keyRef() + ("config".equals(p.keySource()) ? ""
                    : " (" + source(p.keySource()) + ", not the configured entry)"));
            if (p.unusedEnvKey() != null) {
                out.println("    env        " + p.unusedEnvKey() + " is set but not used: pryx reads keys from the vault"
                        + " (`pryx provider import-env` stores it)");
            }
        }
        out.println("    model      " + Output.orDash(p.model())
                + (p.modelSource().startsWith("env ") ? " (" + source(p.modelSource()) + ")" : ""));
        out.println("    base url   " + p.baseUrl());
        LastTest last = p.lastTest();
        out.println("    last test  " + (last == null ? "never (pryx provider test " + p.id() + ")"
                : last.verdict().replace('_', ' ') + ", " + last.latencyMs() + " ms, " + RelativeTime.describe(last.at(), now)));
        if (problem != null) {
            out.println("    problem    " + problem);
        }
    }

    /** {@code env PRYX_MODEL} reads better on the board as just the variable's name. */
    private static String source(String source) {
        return source.startsWith("env ") ? source.substring(4) : source;
    }
}
