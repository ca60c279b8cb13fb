package dev.pryx.tui.providers;

import com.googlecode.lanterna.gui2.BorderLayout;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.provider.ProviderView;
import dev.pryx.support.PryxException;
import dev.pryx.tui.shell.KeyHint;
import dev.pryx.tui.shell.Pane;
import dev.pryx.tui.shell.Shell;
import dev.pryx.tui.shell.StatusTone;
import dev.pryx.tui.text.CellWidth;
import dev.pryx.tui.widgets.ColumnHeader;
import dev.pryx.tui.widgets.SelectList;
import java.util.List;

/**
 * Home: the configured providers, the active one marked.
 *
 * <pre>
 *  pryx · Providers
 *    Name            Id            Auth                 Default model        On
 *  ● OpenAI          openai        key fp:3f9a0c1d2e4b  gpt-5-mini           yes
 *    Ollama (local)  ollama        none needed          -                    yes
 *  ...
 *  a add  k key  m model  d remove  t test  b status  ·  / palette  ? help  q quit
 * </pre>
 */
public final class ProviderListPane extends Pane {
    private final ProviderListModel model;
    private final dev.pryx.tui.shell.Async.Ticket testTicket = new dev.pryx.tui.shell.Async.Ticket();
    private SelectList<ProviderListModel.Row> list;
    private Label empty;

    public ProviderListPane(Shell shell) {
        super(shell, "Providers");
        this.model = new ProviderListModel(shell.manager());
    }

    public ProviderListModel model() {
        return model;
    }

    @Override
    protected Component body() {
        Panel panel = new Panel(new BorderLayout());
        ColumnHeader header = new ColumnHeader(() -> format(ProviderListModel.HEADER, rowColumns()));
        list = new SelectList<>((g, row, width, selected) -> g.putString(0, 0, " " + format(row, rowColumns())));
        list.onActivate(row -> activate()).onMove(() -> model.select(list.getSelectedIndex()));
        empty = new Label(" No providers yet. Press a to add one, or / to search the catalog.");
        panel.addComponent(header, BorderLayout.Location.TOP);
        panel.addComponent(list, BorderLayout.Location.CENTER);
        // One of the two is visible: the list, or this line when there is nothing to list.
        panel.addComponent(empty, BorderLayout.Location.BOTTOM);
        return panel;
    }

    /**
     * A row in columns sized to the width: name, id, auth and on/off get fixed shares, the model
     * the rest. Widths are measured in cells, so CJK and emoji names keep the columns aligned.
     */
    static String format(ProviderListModel.Row row, int width) {
        int name = Math.max(10, width * 22 / 100);
        int id = Math.max(8, width * 16 / 100);
        int auth = 20;
        int on = 3;
        int model = Math.max(6, width - 2 - name - id - auth - on - 4);
        return CellWidth.fit(row.marker(), 2) + CellWidth.fit(row.name(), name) + " " + CellWidth.fit(row.id(), id) + " "
                + CellWidth.fit(row.auth(), auth) + " " + CellWidth.fit(row.model(), model) + " " + CellWidth.fit(row.enabled(), on);
    }

    @Override
    public void onShow() {
        shell.attempt(model::reload);
        list.setItems(model.rows());
        list.setSelectedIndex(model.selectedIndex());
        if (model.providers().isEmpty()) {
            list.setVisible(false);
            empty.setVisible(true);
        } else {
            list.setVisible(true);
            empty.setVisible(false);
            list.takeFocus();
        }
    }

    /** Moves the selection to a provider (the palette's "go to provider"). */
    public void select(String id) {
        model.select(id);
        list.setSelectedIndex(model.selectedIndex());
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(
                KeyHint.footer("a", "add"), KeyHint.footer("k", "key"), KeyHint.footer("m", "model"),
                KeyHint.help("e", "edit the provider: name, base URL, on/off"),
                KeyHint.footer("d", "remove"), KeyHint.footer("t", "test"), KeyHint.footer("b", "status"),
                KeyHint.help("Enter / u", "make the selected provider active"),
                KeyHint.help("s", "settings (theme)"), KeyHint.help("Up / Down", "move"));
    }

    @Override
    public boolean onKey(KeyStroke key) {
        if (key.getKeyType() != KeyType.Character || key.isCtrlDown() || key.isAltDown()) {
            return false;
        }
        ProviderView selected = model.selectedProvider();
        switch (key.getCharacter()) {
            case 'a' -> shell.navigator().push(shell.screens().addProvider());
            case 's' -> shell.navigator().push(shell.screens().settings());
            case 'b' -> shell.navigator().push(shell.screens().statusBoard());
            case 'k', 'm', 'e', 'd', 'u', 't' -> {
                if (selected == null) {
                    shell.status("No provider yet: press a to add one.");
                    return true;
                }
                switch (key.getCharacter()) {
                    case 'k' -> openKeyEntry(selected);
                    case 'm' -> shell.navigator().push(shell.screens().modelPicker(selected.id()));
                    case 'e' -> shell.navigator().push(new EditProviderPane(shell, selected.id()));
                    case 't' -> test(selected);
                    case 'd' -> shell.confirm("Remove " + selected.name() + " (" + selected.id() + ") and its key?",
                            () -> run(model::removeSelected));
                    default -> activate();
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Tests the provider's connection on a worker; the verdict (and what to do) comes back on the status line. */
    private void test(ProviderView selected) {
        shell.busy("Testing " + selected.name() + "…");
        shell.async().run(testTicket, () -> shell.manager().testConnection(selected.id()),
                report -> shell.status(ProviderListModel.verdictLine(report),
                        report.ok() ? StatusTone.OK : StatusTone.ERROR), shell::fail);
    }

    private void openKeyEntry(ProviderView selected) {
        if ("not needed".equals(selected.keyState())) {
            shell.status(selected.name() + " needs no key.");
            return;
        }
        shell.navigator().push(shell.screens().keyEntry(selected.id()));
    }

    private void activate() {
        run(model::activateSelected);
    }

    private void run(java.util.function.Supplier<String> action) {
        try {
            String message = action.get();
            onShow();
            shell.status(message);
        } catch (PryxException e) {
            shell.fail(e);
        }
    }
}
