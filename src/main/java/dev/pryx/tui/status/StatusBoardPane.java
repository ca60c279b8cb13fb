package dev.pryx.tui.status;

import com.googlecode.lanterna.graphics.ThemeStyle;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.TextGUIGraphics;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.provider.ProviderStatus;
import dev.pryx.tui.providers.ProviderListModel;
import dev.pryx.tui.shell.Async;
import dev.pryx.tui.shell.KeyHint;
import dev.pryx.tui.shell.Pane;
import dev.pryx.tui.shell.Shell;
import dev.pryx.tui.shell.StatusTone;
import dev.pryx.tui.text.CellWidth;
import dev.pryx.tui.widgets.ColumnHeader;
import dev.pryx.tui.widgets.ListLayout;
import dev.pryx.tui.widgets.SelectList;
import dev.pryx.tui.widgets.WrappedText;
import java.time.Clock;
import java.util.List;

/**
 * The status board, as {@code pryx provider status}: each provider's key (fingerprint, age,
 * whether an environment variable replaces it), model in force, and last test, coloured by
 * verdict; the selected provider's details and last problem below.
 *
 * <pre>
 *  pryx · Status
 *  ! PRYX_PROVIDER names 'mistral', which is not configured; ...
 *  Network: https via http://proxy.corp:3128 (setting), extra CA bundle ca.pem (1 certificate)
 *    Provider      Key                           Model            Last test
 *  ● openai        fp:3096946b2625 · 3d   gpt-5-mini       ✓ ok 212 ms · 5m
 *    ollama        not needed             llama3.1:8b      ✗ connection refused · 1h
 *  OpenAI (openai), in force from config. Key vault:openai (config): set, stored 3 days ago. ...
 *  c check all  t test  r reload  ·  / palette  ? help  Esc back  q quit
 * </pre>
 */
public final class StatusBoardPane extends Pane {
    private final StatusBoardModel model;
    private final Async.Ticket work = new Async.Ticket();
    private WrappedText warnings;
    private WrappedText network;
    private SelectList<StatusBoardModel.Row> list;
    private WrappedText detail;

    public StatusBoardPane(Shell shell) {
        super(shell, "Status");
        this.model = new StatusBoardModel(shell.manager(), Clock.systemUTC());
    }

    public StatusBoardModel model() {
        return model;
    }

    @Override
    protected Component body() {
        warnings = new WrappedText(2, 1);
        network = new WrappedText(1, 1);
        list = new SelectList<>(this::paint);
        list.onMove(() -> {
            model.select(list.getSelectedIndex());
            detail.text(model.detail());
        });
        detail = new WrappedText(4, 1);
        return ListLayout.of(list, detail, warnings, network,
                new ColumnHeader(() -> format(StatusBoardModel.HEADER, rowColumns())));
    }

    /** The row, then its last-test cell again in the verdict's colour (the selection bar keeps its own). */
    private void paint(TextGUIGraphics g, StatusBoardModel.Row row, int width, boolean selected) {
        int columns = rowColumns();
        g.putString(0, 0, " " + format(row, columns));
        if (selected || row.testOk() == null) {
            return;
        }
        ThemeStyle style = list.getTheme().getDefaultDefinition().getCustom(row.testOk() ? "OK" : "ERROR");
        if (style != null) {
            int[] w = widths(columns);
            g.applyThemeStyle(style);
            g.putString(1 + w[0] + w[1] + 1 + w[2] + 1 + w[3] + 1, 0, CellWidth.fit(row.lastTest(), w[4]));
        }
    }

    /** Column widths for marker, provider, key, model and last test, in cells. */
    static int[] widths(int width) {
        // Key and last test get what their usual texts need ("fp:00567ff60d53 · 3d",
        // "✗ connection refused · 2h") before the model takes the rest.
        int provider = Math.max(10, width * 18 / 100);
        int key = Math.max(21, width * 25 / 100);
        int test = Math.max(22, width * 26 / 100);
        int model = Math.max(6, width - 2 - provider - key - test - 3);
        return new int[] {2, provider, key, model, test};
    }

    static String format(StatusBoardModel.Row row, int width) {
        int[] w = widths(width);
        return CellWidth.fit(row.marker(), w[0]) + CellWidth.fit(row.id(), w[1]) + " " + CellWidth.fit(row.key(), w[2]) + " "
                + CellWidth.fit(row.model(), w[3]) + " " + CellWidth.fit(row.lastTest(), w[4]);
    }

    @Override
    public void onShow() {
        shell.attempt(model::reload);
        show();
        list.takeFocus();
    }

    private void show() {
        warnings.text(model.warnings().isEmpty() ? "" : "! " + String.join(" ", model.warnings()));
        // Two rows when there is something to say, none otherwise.
        warnings.setVisible(!model.warnings().isEmpty());
        network.text(model.network() == null ? "" : "Network: " + model.network());
        network.setVisible(model.network() != null);
        list.setItems(model.rows());
        if (!model.rows().isEmpty()) {
            list.setSelectedIndex(model.selectedIndex());
        }
        detail.text(model.providers().isEmpty() ? "No providers yet: Esc, then a to add one." : model.detail());
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(KeyHint.footer("c", "check all"), KeyHint.footer("t", "test"), KeyHint.footer("r", "reload"),
                KeyHint.help("Up / Down", "move"));
    }

    @Override
    public boolean onKey(KeyStroke key) {
        if (key.getKeyType() != KeyType.Character || key.isCtrlDown() || key.isAltDown()) {
            return false;
        }
        switch (key.getCharacter()) {
            case 'c' -> checkAll();
            case 't' -> testSelected();
            case 'r' -> {
                if (shell.attempt(model::reload)) {
                    show();
                    shell.status("Reloaded.");
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Tests every enabled provider at once; the palette's "Check all providers" calls it too. */
    public void checkAll() {
        long enabled = model.providers().stream().filter(ProviderStatus::enabled).count();
        shell.busy("Checking " + enabled + " enabled provider" + (enabled == 1 ? "" : "s") + "…");
        shell.async().run(work, model::checkAll, check -> {
            String line = model.apply(check);
            show();
            shell.status(line, check.allOk() ? StatusTone.OK : StatusTone.ERROR);
        }, shell::fail);
    }

    private void testSelected() {
        ProviderStatus selected = model.selectedProvider();
        if (selected == null) {
            shell.status("No provider yet: Esc, then a to add one.");
            return;
        }
        shell.busy("Testing " + selected.name() + "…");
        shell.async().run(work, () -> model.testSelected(selected.id()), report -> {
            model.apply(report);
            show();
            shell.status(ProviderListModel.verdictLine(report), report.ok() ? StatusTone.OK : StatusTone.ERROR);
        }, shell::fail);
    }
}
