package dev.pryx.tui.models;

import dev.pryx.provider.ModelView;
import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.ProviderView;
import dev.pryx.support.PryxException;
import dev.pryx.tui.palette.FuzzyMatcher;
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
 */
public final class ModelPickerModel {
    /** The columns of a row, in order of importance; the view decides which fit. */
    public record Row(ModelView model, String id, String context, String price, String caps) {
        public boolean isDefault() {
            return model != null && model.isDefault();
        }
    }

    public static final Row HEADER = new Row(null, "Model", "Context", "$/1M in/out", "Capabilities");

    private final ProviderManager manager;
    private final String providerId;
    private final FuzzyMatcher matcher = new FuzzyMatcher();
    private String providerName;
    private List<ModelView> models = List.of();
    private String query = "";
    private List<Row> rows = List.of();
    private int selected;
    private boolean loaded;

    public ModelPickerModel(ProviderManager manager, String providerId) {
        this.manager = manager;
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
        models = manager.models(providerId);
        filter();
        if (!loaded && query.isBlank()) {
            loaded = true;
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).isDefault()) {
                    selected = i;
                }
            }
        }
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
        return new Row(m, m.id(), context(m.contextTokens()), price(m.inputCostPerMillion(), m.outputCostPerMillion()),
                caps(m));
    }

    /** Tokens the way model cards write them: {@code 128k}, {@code 1M}, {@code 1.5M}; "-" when unknown. */
    static String context(Long tokens) {
        if (tokens == null || tokens <= 0) {
            return "-";
        }
        long t = tokens;
        if (t >= 1_000_000) {
            String m = String.format(Locale.ROOT, "%.1f", t / 1_000_000.0);
            return (m.endsWith(".0") ? m.substring(0, m.length() - 2) : m) + "M";
        }
        if (t >= 1_000) {
            return Math.round(t / 1_000.0) + "k";
        }
        return String.valueOf(t);
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
                return "No models listed for " + providerName + " yet; type a model id and press Enter to use it anyway.";
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
        if (m.isDefault()) {
            out.append(" · the current default");
        }
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
