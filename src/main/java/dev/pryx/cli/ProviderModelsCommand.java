package dev.pryx.cli;

import dev.pryx.provider.Freshness;
import dev.pryx.provider.ModelList;
import dev.pryx.provider.ModelView;
import dev.pryx.support.Quantities;
import dev.pryx.support.RelativeTime;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pryx provider models <id> [--refresh] [--json]}: the provider's live list where it has
 * one (fetched when the cached one is over an hour old, or with {@code --refresh}), else the
 * catalog's. When a fetch fails, the older list or the catalog's is shown with a one-line notice
 * on stderr; with {@code --refresh} the failure is the answer (exit 1 for the key or the base URL,
 * 4 for the network or the provider, as {@code provider test}).
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List a provider's models ('*' marks its default): live from the provider where it lists them, "
                + "else from the catalog.")
public final class ProviderModelsCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(paramLabel = "<id>")
    String id;

    @Option(names = "--refresh", description = "Fetch the provider's live list now, even when the cached one is recent.")
    boolean refresh;

    @Mixin
    JsonOption json;

    public ProviderModelsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ModelList list = context.manager().models(id, refresh ? Freshness.REFRESH : Freshness.IF_STALE);
        PrintWriter err = context.err();
        if (refresh && !list.listsLive()) {
            err.println("Note: " + id + " has no live model list; this is the catalog's (`pryx catalog refresh` updates it).");
        }
        if (list.problem() != null) {
            err.println(notice(list));
        }
        err.flush();
        List<ModelView> models = list.models();
        if (json.json) {
            Output.json(context.out(), models);
            return ExitCode.OK;
        }
        if (models.isEmpty()) {
            context.out().println("No models listed for " + id + ".");
            return ExitCode.OK;
        }
        table(context.out(), models);
        return ExitCode.OK;
    }

    /**
     * One row per model. Local models (Ollama) get their size and quantization instead of prices
     * when none of them has a price, so the table stays within 80 columns.
     */
    static void table(PrintWriter out, List<ModelView> models) {
        boolean local = models.stream().anyMatch(m -> m.sizeBytes() != null || m.quantization() != null);
        boolean priced = models.stream().anyMatch(m -> positive(m.inputCostPerMillion()) || positive(m.outputCostPerMillion()));
        boolean prices = !local || priced;
        List<String> header = new ArrayList<>(List.of("", "MODEL", "CONTEXT"));
        if (prices) {
            header.addAll(List.of("IN $/M", "OUT $/M"));
        }
        if (local) {
            header.addAll(List.of("SIZE", "QUANT"));
        }
        header.add("CAPABILITIES");
        List<List<String>> rows = new ArrayList<>();
        for (ModelView m : models) {
            List<String> row = new ArrayList<>(List.of(m.isDefault() ? "*" : "", m.id(), Quantities.tokens(m.contextTokens())));
            if (prices) {
                row.add(price(m.inputCostPerMillion()));
                row.add(price(m.outputCostPerMillion()));
            }
            if (local) {
                row.add(Quantities.bytes(m.sizeBytes()));
                row.add(m.quantization() == null ? "-" : m.quantization());
            }
            row.add(capabilities(m));
            rows.add(row);
        }
        Output.table(out, header, rows);
    }

    /** Says which list stands in for the live one, why, and what to do, on one line. */
    static String notice(ModelList list) {
        String shown = ModelList.CACHE.equals(list.source()) && list.fetchedAt() != null
                ? "the list fetched " + RelativeTime.describe(list.fetchedAt(), list.fetchedAt().plusSeconds(list.ageSeconds()))
                : "the catalog's list";
        return "Note: the live model list could not be fetched, so this is " + shown + ". " + list.problem()
                + (list.hint() == null ? "" : " " + list.hint());
    }

    private static boolean positive(Double d) {
        return d != null && d > 0;
    }

    private static String price(Double p) {
        return p == null ? "-" : String.format(Locale.ROOT, "%.2f", p);
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
