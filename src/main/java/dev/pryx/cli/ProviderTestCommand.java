package dev.pryx.cli;

import dev.pryx.provider.ConnectionReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code pryx provider test <id> [--json]}: one cheap request to the provider with its key. The
 * report goes to stdout whatever it says, since it is the command's answer, not an error of the
 * command; the exit code tells scripts which case it is: 0 passed, 1 a problem with the key or
 * base URL, 4 the network or the provider failed.
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Check the connection and the key with one free request to the provider (never shows the key).")
public final class ProviderTestCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<id>")
    String id;

    @Mixin
    JsonOption json;

    public ProviderTestCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConnectionReport r = context.manager().testConnection(id);
        PrintWriter out = context.out();
        if (json.json) {
            Output.json(out, r);
        } else if (r.ok()) {
            out.println(r.providerId() + ": ok (" + String.join(", ", okFacts(r)) + ")");
        } else {
            out.println(r.providerId() + ": " + words(r.verdict()) + failureFacts(r));
            out.println(r.message());
            out.println("Hint: " + r.hint());
        }
        return exitCode(r);
    }

    /** The contract's table: 1 when the check found a problem here, 4 when a remote party failed. */
    static int exitCode(ConnectionReport r) {
        if (r.ok()) {
            return ExitCode.OK;
        }
        return r.remoteFailure() ? ExitCode.REMOTE : ExitCode.CHECK_FAILED;
    }

    private static List<String> okFacts(ConnectionReport r) {
        List<String> facts = new ArrayList<>();
        facts.add(r.latencyMs() + " ms");
        if (r.modelCount() != null) {
            facts.add(r.modelCount() + (r.modelCount() == 1 ? " model visible" : " models visible"));
        }
        if (!r.keySent()) {
            // Worth saying: for an OpenAI-compatible server it means the server needs no key.
            facts.add("no key sent");
        }
        return facts;
    }

    private static String failureFacts(ConnectionReport r) {
        List<String> facts = new ArrayList<>();
        if (r.httpStatus() > 0) {
            facts.add(Integer.toString(r.httpStatus()));
        }
        if (r.retryAfterSeconds() != null) {
            facts.add("retry after " + r.retryAfterSeconds() + " s");
        }
        return facts.isEmpty() ? "" : " (" + String.join(", ", facts) + ")";
    }

    /** {@code wrong_base_url} as "wrong base URL": the wire name for people. */
    static String words(String verdict) {
        StringBuilder s = new StringBuilder();
        for (String word : verdict.split("_")) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(switch (word) {
                case "url", "tls", "dns" -> word.toUpperCase(Locale.ROOT);
                default -> word;
            });
        }
        return s.toString();
    }
}
