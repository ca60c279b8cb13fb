package dev.pryx.tui.palette;

import java.util.List;

/**
 * The palette's state: the query, the ranked results (at most {@link #LIMIT}: nobody scrolls
 * past a few hundred, and a longer list costs time on every key) and the selection.
 */
public final class PaletteModel {
    /** How many results are shown at most. */
    public static final int LIMIT = 200;

    private final PaletteSearch search;
    private String query = "";
    private List<PaletteSearch.Result> results;
    private int selected;

    public PaletteModel(PaletteSearch search) {
        this.search = search;
        this.results = search.search("", LIMIT);
    }

    /** Filters for a new query; the selection goes back to the best match. */
    public void setQuery(String text) {
        query = text == null ? "" : text;
        results = search.search(query, LIMIT);
        selected = 0;
    }

    public String query() {
        return query;
    }

    public List<PaletteSearch.Result> results() {
        return results;
    }

    public int selectedIndex() {
        return selected;
    }

    public void select(int index) {
        if (!results.isEmpty()) {
            selected = Math.max(0, Math.min(index, results.size() - 1));
        }
    }

    public void move(int delta) {
        select(selected + delta);
    }

    /** The selected item, remembered as a recent choice (recent choices rank higher next time); null when nothing matches. */
    public PaletteItem choose() {
        if (results.isEmpty()) {
            return null;
        }
        PaletteItem item = results.get(selected).item();
        search.recordChoice(item);
        return item;
    }

    /** "12 of 5,476" under the list. */
    public String summary() {
        return results.size() + (results.size() == LIMIT ? "+" : "") + " of " + String.format("%,d", search.items().size());
    }
}
