package dev.pryx.tui.providers;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.provider.ProviderConfig;
import dev.pryx.support.PryxException;
import dev.pryx.tui.keyentry.KeyEntryPane;
import dev.pryx.tui.shell.KeyHint;
import dev.pryx.tui.shell.Pane;
import dev.pryx.tui.shell.Shell;
import dev.pryx.tui.text.CellWidth;
import dev.pryx.tui.widgets.ColumnHeader;
import dev.pryx.tui.widgets.ListLayout;
import dev.pryx.tui.widgets.SearchBar;
import dev.pryx.tui.widgets.SelectList;
import dev.pryx.tui.widgets.WrappedText;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The catalog to add a provider from, filtered as you type; the custom endpoint is always the
 * last row. Focus stays in the query, so letters search; the pane takes the keys that move.
 *
 * <pre>
 *  pryx · Add provider
 *  Search [open                                    ]
 *    Name                  Id                 Auth          Models
 *  ▸ OpenAI                openai             key                5  configured
 *    OpenRouter            openrouter         key                4
 *    Custom OpenAI-compatible endpoint…
 *  3 of 30 · OpenAI · https://api.openai.com/v1 · configured already: Enter adds another
 *  account.
 *  Enter add  ↑↓ move  ·  Ctrl+P palette  F1 help  Esc back  Ctrl+C quit
 * </pre>
 *
 * Enter adds the selected provider and goes on to its key (then its model); a provider that is
 * configured already, one without a default address, and the custom endpoint first open a
 * small form ({@link FormPane}).
 */
public final class AddProviderPane extends Pane {
    private final AddProviderModel model;
    private TextBox query;
    private SelectList<AddProviderModel.Row> list;
    private WrappedText detail;

    public AddProviderPane(Shell shell) {
        super(shell, "Add provider");
        this.model = new AddProviderModel(shell.manager());
    }

    public AddProviderModel model() {
        return model;
    }

    @Override
    protected Component body() {
        SearchBar search = new SearchBar(this::refresh);
        query = search.query();
        list = new SelectList<>((g, row, width, selected) ->
                g.putString(0, 0, " " + format(row, selected, rowColumns())));
        list.onActivate(row -> choose());
        detail = new WrappedText(2, 1);
        return ListLayout.of(list, detail, search, new ColumnHeader(() -> format(AddProviderModel.HEADER, false, rowColumns())));
    }


    static String format(AddProviderModel.Row row, boolean selected, int width) {
        String marker = selected ? "▸ " : "  ";
        if (row.custom()) {
            return marker + CellWidth.fit(AddProviderModel.CUSTOM_LABEL, Math.max(0, width - 2));
        }
        return format(AddProviderModel.cells(row), selected, width);
    }

    /**
     * A row in columns sized to {@code width}: auth, model count and the configured marker are
     * fixed, name and id share the rest. Measured in cells, so wide names keep columns aligned.
     */
    static String format(AddProviderModel.Cells c, boolean selected, int width) {
        int auth = 12;
        int models = 6;
        int configured = 10;
        int rest = Math.max(18, width - 2 - auth - models - configured - 4);
        int name = rest * 55 / 100;
        int id = rest - name;
        return (selected ? "▸ " : "  ") + CellWidth.fit(c.name(), name) + " " + CellWidth.fit(c.id(), id) + " "
                + CellWidth.fit(c.auth(), auth) + " " + CellWidth.padLeft(CellWidth.fit(c.models(), models).strip(), models)
                + " " + CellWidth.fit(c.configured(), configured);
    }

    private void refresh(String text) {
        model.setQuery(text);
        showRows();
    }

    private void showRows() {
        list.setItems(model.rows());
        list.setSelectedIndex(model.selectedIndex());
        showDetail();
    }

    private void showDetail() {
        String summary = model.query().isBlank() ? "" : model.matches() + " of " + model.catalogSize() + " · ";
        detail.text(summary + model.detail());
    }

    @Override
    public void onShow() {
        shell.attempt(model::reload);
        showRows();
        query.takeFocus();
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(KeyHint.footer("Enter", "add"), KeyHint.footer("↑↓", "move"),
                KeyHint.help("↑ on the first row", "the custom endpoint (always the last row)"),
                KeyHint.help("type", "search the catalog by name or id"),
                KeyHint.help("PgUp / PgDn", "move a page"));
    }

    @Override
    public boolean onKey(KeyStroke key) {
        switch (key.getKeyType()) {
            case ArrowUp, ArrowDown, PageUp, PageDown -> {
                int last = model.rows().size() - 1;
                if (key.getKeyType() == KeyType.ArrowUp && list.getSelectedIndex() == 0) {
                    // Up from the top reaches the custom endpoint, the row people look for at the end.
                    list.setSelectedIndex(last);
                } else if (key.getKeyType() == KeyType.ArrowDown && list.getSelectedIndex() == last) {
                    list.setSelectedIndex(0);
                } else {
                    list.handleKeyStroke(key);
                }
                model.select(list.getSelectedIndex());
                showDetail();
                return true;
            }
            case Enter -> {
                choose();
                return true;
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

    private void choose() {
        model.select(list.getSelectedIndex());
        AddProviderModel.Choice choice = model.choose();
        if (choice instanceof AddProviderModel.AddNow now) {
            shell.screens().addFromCatalog(now.catalogId());
        } else if (choice instanceof AddProviderModel.Ask ask) {
            shell.navigator().push(new FormPane(shell, model, ask.form()));
        }
    }

    /** Goes on from a provider just added: home below, then its key or its model on top. */
    static void continueAfterAdd(Shell shell, AddProviderModel model, ProviderConfig added) {
        AddProviderModel.Next next = model.next(added);
        shell.navigator().popToHome();
        switch (next) {
            case KEY -> shell.navigator().push(new KeyEntryPane(shell, added.id(), true));
            case MODELS -> shell.navigator().push(shell.screens().modelPicker(added.id()));
            case NOTHING -> {
                // Home, which popping to it has already refreshed.
            }
        }
        shell.status("Added " + added.name() + " as " + added.id() + "."
                + (next == AddProviderModel.Next.KEY && AddProviderModel.isCompatible(added) ? " Its key is optional: Esc skips it." : ""));
    }

    /**
     * The small form before adding: an id for a second account or a custom endpoint, an optional
     * name, a base URL when there is no default. A failure leaves what was typed in place.
     *
     * <pre>
     *  pryx · Add provider · Custom endpoint
     *  A server that speaks the OpenAI API, e.g. vLLM, LiteLLM, llama.cpp or LM Studio. ...
     *
     *   Id       [local-vllm                                ]
     *   Name     [                                          ]
     *   Base URL [http://localhost:8000/v1                  ]
     *
     *  The id is how commands name it: ...
     *  Enter add  Tab next field  ·  Ctrl+P palette  F1 help  Esc back  Ctrl+C quit
     * </pre>
     */
    public static final class FormPane extends Pane {
        private final AddProviderModel model;
        private final AddProviderModel.Form form;
        private TextBox id;
        private TextBox name;
        private TextBox baseUrl;

        FormPane(Shell shell, AddProviderModel model, AddProviderModel.Form form) {
            super(shell, "Add provider · " + form.title());
            this.model = model;
            this.form = form;
        }

        public AddProviderModel.Form form() {
            return form;
        }

        @Override
        protected Component body() {
            Panel panel = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(1));
            panel.addComponent(paragraph(form.explanation()));
            Panel grid = new Panel(new GridLayout(2).setHorizontalSpacing(1).setLeftMarginSize(1));
            if (form.askId()) {
                id = field(grid, "Id", form.suggestedId());
            }
            if (form.askName()) {
                name = field(grid, "Name", "");
            }
            if (form.askBaseUrl()) {
                baseUrl = field(grid, "Base URL", "");
            }
            panel.addComponent(grid);
            List<String> hints = new ArrayList<>();
            if (form.askId()) {
                hints.add("The id is how commands name it: lower-case letters, digits, '.', '_' or '-'.");
            }
            if (form.askName()) {
                hints.add("The name is optional: any text, shown in lists.");
            }
            if (form.askBaseUrl()) {
                hints.add("The base URL is required" + (form.custom() ? ", e.g. http://localhost:8000/v1." : "."));
            }
            Panel notes = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
            hints.forEach(h -> notes.addComponent(paragraph(h)));
            panel.addComponent(notes);
            return panel;
        }

        private WrappedText paragraph(String text) {
            return new WrappedText(2, 1).text(text);
        }

        private int columns() {
            return shell.gui().getScreen().getTerminalSize().getColumns();
        }

        private TextBox field(Panel grid, String label, String initial) {
            grid.addComponent(new Label(label));
            TextBox box = new TextBox(new TerminalSize(Math.max(20, Math.min(60, columns() - 14)), 1), initial);
            box.setCaretPosition(initial.length());
            grid.addComponent(box);
            return box;
        }

        @Override
        public void onShow() {
            TextBox first = id != null ? id : baseUrl;
            if (first != null && !first.isFocused()) {
                first.takeFocus();
            }
        }

        @Override
        public List<KeyHint> keys() {
            return List.of(KeyHint.footer("Enter", "add"), KeyHint.footer("Tab", "next field"),
                    KeyHint.help("Shift+Tab / ↑↓", "move between fields"));
        }

        @Override
        public boolean onKey(KeyStroke key) {
            if (key.getKeyType() == KeyType.Enter) {
                submit();
                return true;
            }
            return false;
        }

        /** The fields as typed, in order id, name, base URL (null for those not asked). */
        public List<String> values() {
            return Arrays.asList(text(id), text(name), text(baseUrl));
        }

        private static String text(TextBox box) {
            return box == null ? null : box.getText();
        }

        @Override
        public boolean hasUnsavedInput() {
            String typedId = text(id);
            return typedId != null && !typedId.isBlank() && !typedId.equals(form.suggestedId())
                    || text(name) != null && !text(name).isBlank() || text(baseUrl) != null && !text(baseUrl).isBlank();
        }

        private void submit() {
            ProviderConfig added;
            try {
                added = model.submit(form, text(id), text(name), text(baseUrl));
            } catch (PryxException e) {
                shell.fail(e);
                return;
            }
            continueAfterAdd(shell, model, added);
        }
    }
}
