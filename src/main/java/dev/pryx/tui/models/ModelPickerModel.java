package dev.pryx.tui.models;

import dev.pryx.provider.Freshness;
import dev.pryx.provider.ModelList;
import dev.pryx.provider.ModelView;
import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.ProviderView;
import dev.pryx.support.PryxException;
import dev.pryx.support.Quantities;
import dev.pryx.support.RelativeTime;
import dev.pryx.tui.palette.FuzzyMatcher;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * The model picker's state: a provider's models filtered by a fuzzy query (on id and name), the
 * selection, each row's columns as text, and using the chosen one. No Lanterna here, so it is
 * tested without a terminal.
 *
 * <p>When nothing in the list is left to choose (the catalog lists no models for the provider,
 * or none matches), Enter offers the typed text as a model id; the manager accepts an unknown id
 * only for providers whose models are listed live, and says so otherwise.
 *
 * <p>For those providers the list shown first is the cached live one (or the catalog's), read
 * without the network; {@link #needsFetch()} says when a fetch should follow, which the pane runs
 * on a worker ({@link #fetch}) and hands back ({@link #apply}).
 */
public final class ModelPickerModel {
    /** The columns of a row, in order of importance; the view decides which fit. */
    public record Row(ModelView model, String id, String context, String price, String caps) {
        public boolean isDefault() {
            return model != null && model.isDefault();
        }
    }

    public static final Row HEADER = new Row(null, "Model", "Context", "$/1M in/out", "Capabilities");
    /** For a local server's list (Ollama), whose models have a size and quantization instead of a price. */
    public static final Row LOCAL_HEADER = new Row(null, "Model", "Context", "Size  Quant", "Capabilities");

    private final ProviderManager manager;
    private final String providerId;
    private final FuzzyMatcher matcher = new FuzzyMatcher();
    private String providerName;
    private final Clock clock;
    private ModelList list;
    private List<ModelView> models = List.of();
    private String query = "";
    private List<Row> rows = List.of();
    private int selected;
    private boolean loaded;

    public ModelPickerModel(ProviderManager manager, String providerId) {
        this(manager, providerId, Clock.systemUTC());
    }

    public ModelPickerModel(ProviderManager manager, String providerId, Clock clock) {
        this.manager = manager;
        this.clock = clock;
        this.providerId = providerId;
        this.providerName = providerId;
    }

    /**
     * Re-reads the provider's models. The first time, the current default is selected; later
     * (back from the help or the palette) the selection stays where it was.
     */
    public void reload() {
        providerName = manager.listProviders().stream().filter(p -> p.id().equals(providerId))
                .map(ProviderView::name).findFirst().orElse(providerId);
        show(manager.models(providerId, Freshness.CACHED_ONLY));
        if (!loaded && query.isBlank()) {
            loaded = true;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).isDefault()) {
                    selected = i;
                }
            }
        }
    }

    private void show(ModelList next) {
        list = next;
        models = next.models();
        filter();
    }

    /** Whether the provider's live list should be fetched: it lists live and has no list younger than its time to live. */
    public boolean needsFetch() {
        return list != null && list.listsLive() && (ModelList.CATALOG.equals(list.source()) || list.stale());
    }

    /** Whether the provider lists its models live (so a refresh means something). */
    public boolean listsLive() {
        return list != null && list.listsLive();
    }

    /**
     * Fetches the live list (blocks: call from a worker). {@code force} fetches whatever the cache
     * holds and fails with the reason; otherwise a failed fetch leaves the older list with the problem.
     */
    public ModelList fetch(boolean force) {
        return manager.models(providerId, force ? Freshness.REFRESH : Freshness.IF_STALE);
    }

    /** Shows a fetched list, keeping the selected model selected; returns the line for the status bar. */
    public String apply(ModelList fetched) {
        ModelView before = selectedModel();
        show(fetched);
        if (before != null) {
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).id().equals(before.id())) {
                    selected = i;
                }
            }
        }
        if (fetched.problem() != null) {
            return fetched.problem() + " Showing the " + (ModelList.CATALOG.equals(fetched.source()) ? "catalog's list"
                    : "list from " + age(fetched)) + ". " + fetched.hint();
        }
        return models.size() + " model" + (models.size() == 1 ? "" : "s") + " listed by " + providerName
                + (ModelList.LIVE.equals(fetched.source()) ? " just now." : " " + age(fetched) + ".");
    }

    /** Whether the last list came with a problem (a failed fetch with an older list standing in). */
    public boolean hasProblem() {
        return list != null && list.problem() != null;
    }

    private String age(ModelList l) {
        return l.fetchedAt() == null ? "the catalog" : RelativeTime.describe(l.fetchedAt(), clock.instant());
    }

    /** Where the list shown comes from, for the detail line: "live list, 5 minutes old", "catalog list". */
    public String source() {
        if (list == null || !list.listsLive()) {
            return "catalog list";
        }
        if (ModelList.CATALOG.equals(list.source())) {
            return "catalog list (no live list fetched yet)";
        }
        return "live list from " + age(list) + (list.stale() ? ", stale" : "");
    }

    /** The header for the rows: prices, or sizes for a local server's models. */
    public Row header() {
        return models.stream().anyMatch(m -> m.sizeBytes() != null) ? LOCAL_HEADER : HEADER;
    }

    public String providerId() {
        return providerId;
    }

    public String providerName() {
        return providerName;
    }

    /** Whether the catalog lists any model for the provider. */
    public boolean hasModels() {
        return !models.isEmpty();
    }

    public void setQuery(String text) {
        query = text == null ? "" : text;
        filter();
        selected = 0;
    }

    public String query() {
        return query;
    }

    private void filter() {
        // Null names are skipped by rank(): Arrays.asList, because List.of refuses nulls.
        List<ModelView> out = matcher.rank(query, models, m -> java.util.Arrays.asList(m.id(), m.name()));
        rows = out.stream().map(ModelPickerModel::row).toList();
        selected = Math.max(0, Math.min(selected, rows.size() - 1));
    }


    public List<Row> rows() {
        return rows;
    }

    public void select(int index) {
        if (!rows.isEmpty()) {
            selected = Math.max(0, Math.min(index, rows.size() - 1));
        }
    }

    public int selectedIndex() {
        return selected;
    }

    /** The selected model, or null when no row is shown. */
    public ModelView selectedModel() {
        return rows.isEmpty() ? null : rows.get(selected).model();
    }

    static Row row(ModelView m) {
        // A model on this machine (Ollama) has a size instead of a price, even when the catalog prices its cloud twin.
        String third = m.sizeBytes() != null
                ? Quantities.bytes(m.sizeBytes()) + (m.quantization() == null ? "" : "  " + m.quantization())
                : price(m.inputCostPerMillion(), m.outputCostPerMillion());
        return new Row(m, m.id(), context(m.contextTokens()), third, caps(m));
    }

    /** Tokens as every face writes them ({@link Quantities#tokens}). */
    static String context(Long tokens) {
        return Quantities.tokens(tokens);
    }

    /** Input/output USD per million tokens: {@code $2.50/$10.00}; "free" when both are 0, "-" when both unknown. */
    static String price(Double in, Double out) {
        if (in == null && out == null) {
            return "-";
        }
        if (in != null && out != null && in == 0 && out == 0) {
            return "free";
        }
        return dollars(in) + "/" + dollars(out);
    }

    private static String dollars(Double d) {
        if (d == null) {
            return "-";
        }
        if (d == 0) {
            return "$0";
        }
        if (d < 0.01) {
            // Cheap models cost fractions of a cent; two decimals would show them as free.
            String s = String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "");
            return "$" + s;
        }
        return String.format(Locale.ROOT, "$%.2f", d);
    }

    /** Capabilities in fixed slots, so the same capability lines up from row to row. */
    static String caps(ModelView m) {
        return (m.toolCall() ? "tools" : "     ") + " " + (m.reasoning() ? "reasoning" : "         ") + " "
                + (m.attachment() ? "files" : "     ");
    }

    /** One line on the selected row: its name, token limits and status. */
    public String detail() {
        ModelView m = selectedModel();
        if (m == null) {
            if (!hasModels()) {
                return "No models listed for " + providerName + " yet" + (listsLive() ? " (Ctrl+R fetches its live list)" : "")
                        + "; type a model id and press Enter to use it anyway.";
            }
            return query.isBlank() ? "" : "No model matches; Enter tries '" + query.strip() + "' as a model id.";
        }
        StringBuilder out = new StringBuilder();
        out.append(m.name() == null || m.name().isBlank() ? m.id() : m.name());
        if (m.contextTokens() != null) {
            out.append(" · ").append(context(m.contextTokens())).append(" context");
        }
        if (m.outputTokens() != null) {
            out.append(", ").append(context(m.outputTokens())).append(" output");
        }
        if (m.status() != null && !m.status().isBlank()) {
            out.append(" · ").append(m.status());
        }
        if (m.family() != null || m.parameterSize() != null) {
            out.append(" · ").append(String.join(" ", java.util.stream.Stream.of(m.family(), m.parameterSize())
                    .filter(java.util.Objects::nonNull).toList()));
        }
        if (m.isDefault()) {
            out.append(" · the current default");
        }
        out.append(" · ").append(source());
        return out.toString();
    }

    /** The model Enter would use: the selected row, else the typed text; null when there is neither. */
    public String choice() {
        ModelView m = selectedModel();
        if (m != null) {
            return m.id();
        }
        return query.isBlank() ? null : query.strip();
    }

    /** Makes the chosen model the provider's default (and the provider the active one); returns the line to show. */
    public String use() {
        String model = choice();
        if (model == null) {
            throw new PryxException(PryxException.Kind.USAGE, "Type a model id first.");
        }
        manager.useModel(providerId, model);
        return providerName + " now uses " + model + " and is the active provider.";
    }
}
