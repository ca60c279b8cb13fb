package dev.pryx.tui.providers;

import dev.pryx.provider.CatalogEntry;
import dev.pryx.provider.ProviderConfig;
import dev.pryx.provider.ProviderManager;
import dev.pryx.provider.ProviderView;
import dev.pryx.support.PryxException;
import dev.pryx.tui.palette.FuzzyMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The add-provider screen's state: the catalog filtered by a fuzzy query, the selection, what
 * choosing a row leads to, and the small forms some choices need. No Lanterna here, so it is
 * tested without a terminal.
 *
 * <p>Most catalog providers are added in one step with their defaults. Three cases need a form
 * first: a provider that is configured already (the default id is taken, so the new account needs
 * its own id), a provider whose catalog entry has no API address, and the custom endpoint, which
 * has neither an id nor an address of its own.
 */
public final class AddProviderModel {
    /** The label of the row that is always last. */
    public static final String CUSTOM_LABEL = "Custom OpenAI-compatible endpoint…";

    /** One row: a catalog provider, or the custom endpoint when {@code entry} is null. */
    public record Row(CatalogEntry entry) {
        public boolean custom() {
            return entry == null;
        }
    }

    /** The columns of a row, in order; the view decides widths. */
    public record Cells(String name, String id, String auth, String models, String configured) {
    }

    public static final Cells HEADER = new Cells("Name", "Id", "Auth", "Models", "");

    /** What choosing a row leads to. */
    public sealed interface Choice permits AddNow, Ask {
    }

    /** Add the catalog provider with its defaults (the shell's add-from-catalog step). */
    public record AddNow(String catalogId) implements Choice {
    }

    /** Ask for the fields of {@code form} first. */
    public record Ask(Form form) implements Choice {
    }

    /**
     * A form to fill before adding.
     *
     * @param catalogId   the catalog provider, or {@link ProviderManager#OPENAI_COMPATIBLE} for the custom endpoint
     * @param title       what the form adds, for the pane's heading
     * @param explanation one or two sentences on why it asks
     * @param askId       whether it asks for an id (a second account, the custom endpoint)
     * @param askName     whether it asks for a display name (optional when asked)
     * @param askBaseUrl  whether it asks for the API address (required when asked)
     * @param suggestedId the id to start with, may be empty
     */
    public record Form(String catalogId, String title, String explanation, boolean askId, boolean askName,
                       boolean askBaseUrl, String suggestedId) {
        public boolean custom() {
            return ProviderManager.OPENAI_COMPATIBLE.equals(catalogId);
        }
    }

    /** What follows a successful add. */
    public enum Next {
        KEY, MODELS, NOTHING
    }

    private final ProviderManager manager;
    private final FuzzyMatcher matcher = new FuzzyMatcher();
    private List<CatalogEntry> catalog = List.of();
    private String query = "";
    private List<Row> rows = List.of(new Row(null));
    private int selected;

    public AddProviderModel(ProviderManager manager) {
        this.manager = manager;
    }

    /** Re-reads the catalog (configured markers change as accounts are added) and filters again. */
    public void reload() {
        catalog = manager.catalogProviders().stream()
                .filter(c -> !ProviderManager.OPENAI_COMPATIBLE.equals(c.id()))
                .toList();
        filter();
    }

    /** Filters for a new query; the selection goes back to the best match. */
    public void setQuery(String text) {
        query = text == null ? "" : text;
        filter();
        selected = 0;
    }

    public String query() {
        return query;
    }

    private void filter() {
        List<Row> out = new ArrayList<>();
        matcher.rank(query, catalog, c -> List.of(c.name(), c.id())).forEach(c -> out.add(new Row(c)));
        // Whatever was typed, a server missing from the catalog can still be added.
        out.add(new Row(null));
        rows = List.copyOf(out);
        selected = Math.min(selected, rows.size() - 1);
    }


    public List<Row> rows() {
        return rows;
    }

    /** How many catalog providers match (the custom row not counted). */
    public int matches() {
        return rows.size() - 1;
    }

    public int catalogSize() {
        return catalog.size();
    }

    public void select(int index) {
        selected = Math.max(0, Math.min(index, rows.size() - 1));
    }

    public void move(int delta) {
        select(selected + delta);
    }

    public int selectedIndex() {
        return selected;
    }

    public Row selectedRow() {
        return rows.get(selected);
    }

    /** The columns a row shows. */
    public static Cells cells(Row row) {
        if (row.custom()) {
            return new Cells(CUSTOM_LABEL, "", "key, optional", "live", "");
        }
        CatalogEntry c = row.entry();
        String models = c.models() > 0 ? String.valueOf(c.models()) : c.liveModels() ? "live" : "-";
        return new Cells(c.name(), c.id(), auth(c.authTypes()), models, c.configured() ? "configured" : "");
    }

    static String auth(List<String> types) {
        return types.stream().map(t -> switch (t) {
            case "api_key" -> "key";
            case "oauth2" -> "OAuth";
            case "none" -> "none";
            default -> t;
        }).collect(Collectors.joining(", "));
    }

    /** One line on the selected row: where it points and what Enter will do. */
    public String detail() {
        Row row = selectedRow();
        if (row.custom()) {
            return "Any server speaking the OpenAI API (vLLM, LiteLLM, llama.cpp…): Enter asks for its id and address.";
        }
        CatalogEntry c = row.entry();
        String where = c.baseUrl() == null ? "no default address" : c.baseUrl();
        String next;
        if (c.configured()) {
            next = "configured already: Enter adds another account";
        } else if (c.baseUrl() == null) {
            next = "Enter asks for its address";
        } else if (c.authTypes().contains("none")) {
            next = "Enter adds it (no key needed)";
        } else {
            next = "Enter adds it, then asks for its key";
        }
        return c.name() + " · " + where + " · " + next + ".";
    }

    /** What choosing the selected row leads to. */
    public Choice choose() {
        Row row = selectedRow();
        if (row.custom()) {
            return new Ask(new Form(ProviderManager.OPENAI_COMPATIBLE, "Custom endpoint",
                    "A server that speaks the OpenAI API, e.g. vLLM, LiteLLM, llama.cpp or LM Studio. "
                            + "Its key is optional: the next screen can be skipped with Esc.",
                    true, true, true, ""));
        }
        CatalogEntry c = row.entry();
        boolean noAddress = c.baseUrl() == null;
        if (c.configured()) {
            return new Ask(new Form(c.id(), "Another " + c.name() + " account",
                    c.name() + " is configured already. A second account needs its own id"
                            + (noAddress ? " and its API address." : "; it gets its own key."),
                    true, true, noAddress, freeId(c.id())));
        }
        if (noAddress) {
            return new Ask(new Form(c.id(), c.name() + " address",
                    c.name() + " has no default API address: give the one of your account or deployment.",
                    false, false, true, ""));
        }
        return new AddNow(c.id());
    }

    /** The first of {@code base-2}, {@code base-3}, ... that no configured provider uses. */
    String freeId(String base) {
        Set<String> taken = manager.listProviders().stream().map(ProviderView::id).collect(Collectors.toSet());
        if (!taken.contains(base)) {
            return base;
        }
        int n = 2;
        while (taken.contains(base + "-" + n)) {
            n++;
        }
        return base + "-" + n;
    }

    /**
     * Adds what {@code form} describes with the values typed; blank optional values mean the
     * default. Fails with a {@link PryxException} naming what to fix, the form's input untouched.
     */
    public ProviderConfig submit(Form form, String id, String name, String baseUrl) {
        String i = form.askId() ? blankToNull(id) : null;
        String n = form.askName() ? blankToNull(name) : null;
        String u = form.askBaseUrl() ? blankToNull(baseUrl) : null;
        if (form.askId() && i == null) {
            throw new PryxException(PryxException.Kind.USAGE, form.custom()
                    ? "Give the endpoint an id, e.g. local-vllm: lower-case letters, digits, '.', '_' or '-'."
                    : "Give the new account an id, e.g. " + form.catalogId() + "-work.");
        }
        if (form.askBaseUrl() && u == null) {
            throw new PryxException(PryxException.Kind.USAGE,
                    "The base URL is required, e.g. " + (form.custom() ? "http://localhost:8000/v1." : "https://…/v1."));
        }
        if (form.custom()) {
            return manager.addCompatible("openai", i, n, u, null);
        }
        return manager.addProvider(new ProviderManager.NewProvider(form.catalogId(), i, n, u, null));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Whether {@code added} is a custom endpoint (whose key is optional). */
    public static boolean isCompatible(ProviderConfig added) {
        return ProviderManager.OPENAI_COMPATIBLE.equals(added.provider());
    }

    /** The step after adding {@code added}: its key when it takes one, else its model when the catalog lists some. */
    public Next next(ProviderConfig added) {
        if (added.apiKeyRef() != null) {
            return Next.KEY;
        }
        boolean models = manager.catalogProviders().stream()
                .anyMatch(c -> c.id().equals(added.provider()) && c.models() > 0);
        return models ? Next.MODELS : Next.NOTHING;
    }
}
