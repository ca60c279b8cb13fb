package dev.pryx.tui.models;

import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import dev.pryx.support.PryxException;
import dev.pryx.tui.shell.KeyHint;
import dev.pryx.tui.shell.Pane;
import dev.pryx.tui.shell.Shell;
import dev.pryx.tui.shell.StatusTone;
import dev.pryx.tui.text.CellWidth;
import dev.pryx.tui.widgets.ColumnHeader;
import dev.pryx.tui.widgets.ListLayout;
import dev.pryx.tui.widgets.SearchBar;
import dev.pryx.tui.widgets.SelectList;
import dev.pryx.tui.widgets.WrappedText;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks a provider's default model: its models filtered as you type, with context length,
 * price and capabilities; the current default is marked. Focus stays in the query.
 *
 * <pre>
 *  pryx · Model for openai
 *  Search [mini                                    ]
 *     Model                           Context  $/1M in/out      Capabilities
 *  ▸● gpt-5-mini                         400k  $0.25/$2.00      tools reasoning files
 *     gpt-4.1-mini                         1M  $0.40/$1.60      tools           files
 *  GPT-5 mini · 400k context, 128k output · the current default · catalog list
 *  Enter use  Ctrl+R refresh  ·  Ctrl+P palette  F1 help  Esc back  Ctrl+C quit
 * </pre>
 *
 * Columns that do not fit the width are dropped, least important first (capabilities, then
 * price, then context), so the id keeps at least {@link #MIN_ID} cells. Enter makes the selected
 * model the default; with nothing to select, it offers the typed text as a model id.
 *
 * <p>For a provider that lists its models live (OpenRouter, Ollama, OpenAI-compatible servers)
 * the cached list shows at once, and when it is missing or older than its time to live a fetch
 * runs on a worker with a spinner; Ctrl+R (or F5) fetches now. Ollama's rows show size and
 * quantization where others show prices.
 */
public final class ModelPickerPane extends Pane {
    static final int MIN_ID = 20;
    private static final int CONTEXT = 7;
    private static final int PRICE = 16;
    private static final int CAPS = 21;

    private final ModelPickerModel model;
    private TextBox query;
    private SelectList<ModelPickerModel.Row> list;
    private WrappedText detail;
    private final dev.pryx.tui.shell.Async.Ticket fetching = new dev.pryx.tui.shell.Async.Ticket();

    public ModelPickerPane(Shell shell, String providerId) {
        super(shell, "Model for " + providerId);
        this.model = new ModelPickerModel(shell.manager(), providerId);
    }

    public ModelPickerModel model() {
        return model;
    }

    @Override
    protected Component body() {
        SearchBar search = new SearchBar(this::refresh);
        query = search.query();
        list = new SelectList<>((g, row, width, selected) -> g.putString(0, 0, " " + format(row, selected, rowColumns())));
        list.onActivate(row -> use());
        detail = new WrappedText(2, 1);
        return ListLayout.of(list, detail, search, new ColumnHeader(() -> format(model.header(), false, rowColumns())));
    }


    /**
     * A row in {@code width} cells: a selection mark, a default mark, the id, then as many of
     * context, price and capabilities as leave the id {@link #MIN_ID} cells, in that order.
     */
    static String format(ModelPickerModel.Row row, boolean selected, int width) {
        int[] sizes = {CONTEXT, PRICE, CAPS};
        int shown = sizes.length;
        int fixed = 3;
        for (int s : sizes) {
            fixed += s + 1;
        }
        while (shown > 0 && width - fixed < MIN_ID) {
            shown--;
            fixed -= sizes[shown] + 1;
        }
        int id = Math.max(1, width - fixed);
        List<String> parts = new ArrayList<>();
        parts.add((selected ? "▸" : " ") + (row.isDefault() ? "●" : " ") + " " + CellWidth.fit(row.id(), id));
        if (shown > 0) {
            parts.add(CellWidth.padLeft(CellWidth.fit(row.context(), CONTEXT).strip(), CONTEXT));
        }
        if (shown > 1) {
            parts.add(CellWidth.fit(row.price(), PRICE));
        }
        if (shown > 2) {
            parts.add(CellWidth.fit(row.caps(), CAPS));
        }
        return String.join(" ", parts);
    }

    private void refresh(String text) {
        model.setQuery(text);
        showRows();
    }

    private void showRows() {
        list.setItems(model.rows());
        if (!model.rows().isEmpty()) {
            list.setSelectedIndex(model.selectedIndex());
        }
        showDetail();
    }

    private void showDetail() {
        detail.text(model.detail());
    }

    @Override
    public void onShow() {
        boolean first = !shown;
        shown = true;
        shell.attempt(model::reload);
        showRows();
        refreshFooter();
        query.takeFocus();
        if (first && model.needsFetch()) {
            fetch(false);
        }
    }

    private boolean shown;

    /** Fetches the live list on a worker; {@code force} even when the cached one is fresh. */
    private void fetch(boolean force) {
        if (!model.listsLive()) {
            shell.status(model.providerName() + " has no live model list; its models come from the catalog.");
            return;
        }
        shell.busy("Fetching the model list of " + model.providerName() + "…");
        shell.async().run(fetching, () -> model.fetch(force), fetched -> {
            String line = model.apply(fetched);
            showRows();
            shell.status(line, model.hasProblem() ? StatusTone.WARNING : StatusTone.OK);
        }, shell::fail);
    }

    @Override
    public List<KeyHint> keys() {
        // Refresh before the arrows: at 80 columns only two of the pane's keys fit, and the arrows explain themselves.
        List<KeyHint> keys = new ArrayList<>(List.of(KeyHint.footer("Enter", "use")));
        if (model.listsLive()) {
            keys.add(KeyHint.footer("Ctrl+R", "refresh"));
            keys.add(KeyHint.help("F5", "fetch the live model list again (as Ctrl+R)"));
        }
        keys.addAll(List.of(KeyHint.footer("↑↓", "move"), KeyHint.help("type", "search by model id or name"),
                KeyHint.help("PgUp / PgDn", "move a page")));
        return keys;
    }

    @Override
    public boolean onKey(KeyStroke key) {
        switch (key.getKeyType()) {
            case ArrowUp, ArrowDown, PageUp, PageDown -> {
                if (!model.rows().isEmpty()) {
                    list.handleKeyStroke(key);
                    model.select(list.getSelectedIndex());
                    showDetail();
                }
                return true;
            }
            case Enter -> {
                use();
                return true;
            }
            case F5 -> {
                fetch(true);
                return true;
            }
            case Character -> {
                if (key.isCtrlDown() && !key.isAltDown() && Character.toLowerCase(key.getCharacter()) == 'r') {
                    fetch(true);
                    return true;
                }
                return false;
            }
            case Tab, ReverseTab -> {
                // The list is moved from the query field; focus leaving it would make letters dead.
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private void use() {
        if (!model.rows().isEmpty()) {
            model.select(list.getSelectedIndex());
        }
        String message;
        try {
            message = model.use();
        } catch (PryxException e) {
            shell.fail(e);
            return;
        }
        shell.navigator().pop();
        shell.status(message);
    }
}
