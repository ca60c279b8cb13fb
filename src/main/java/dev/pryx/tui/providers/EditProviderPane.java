package dev.pryx.tui.providers;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.CheckBox;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LayoutData;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.gui2.TextBox;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.support.PryxException;
import dev.pryx.tui.shell.KeyHint;
import dev.pryx.tui.shell.Pane;
import dev.pryx.tui.shell.Shell;
import java.util.List;

/**
 * Edits a configured provider's name, base URL and on/off state. Enter saves from any field
 * (only what changed is sent) and goes back to the list; a refused value leaves everything typed
 * in place with the reason on the status line. Esc with changes asks before discarding them.
 *
 * <pre>
 *  pryx · Edit provider
 *
 *   Id        openai  (catalog openai, API key)
 *   Name      [OpenAI                                         ]
 *   Base URL  [https://api.openai.com/v1                      ]
 *   Enabled   [x]
 *
 *   Enter saves from any field. Tab moves on; Space switches it on or off.
 *
 *  Enter save  Tab next  ·  / palette  ? help  Esc back  q quit
 * </pre>
 */
public final class EditProviderPane extends Pane {
    private static final int LABEL_WIDTH = 10;

    private final String providerId;
    private final EditProviderModel model;
    private final PryxException missing;
    private TextBox name;
    private TextBox baseUrl;
    private CheckBox enabled;
    private boolean shown;

    public EditProviderPane(Shell shell, String providerId) {
        super(shell, "Edit provider");
        this.providerId = providerId;
        EditProviderModel loaded = null;
        PryxException problem = null;
        try {
            loaded = new EditProviderModel(shell.manager(), providerId);
        } catch (PryxException e) {
            // Shown when the pane opens, which then closes again: a constructor has no status line.
            problem = e;
        }
        this.model = loaded;
        this.missing = problem;
    }

    /** Null when the provider could not be read. */
    public EditProviderModel model() {
        return model;
    }

    @Override
    protected Component body() {
        Panel panel = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
        panel.addComponent(new EmptySpace(new TerminalSize(1, 1)));
        EditProviderModel.Draft initial = model == null
                ? new EditProviderModel.Draft("", "", false) : model.initial();
        panel.addComponent(new Label(label("Id") + providerId + (model == null ? "" : "  (" + model.fixedFacts() + ")")));
        name = new TextBox(new TerminalSize(30, 1), initial.name());
        baseUrl = new TextBox(new TerminalSize(30, 1), initial.baseUrl());
        enabled = new CheckBox();
        enabled.setChecked(initial.enabled());
        LayoutData fill = LinearLayout.createLayoutData(LinearLayout.Alignment.Fill);
        panel.addComponent(row("Name", name), fill);
        panel.addComponent(row("Base URL", baseUrl), fill);
        panel.addComponent(row("Enabled", enabled));
        panel.addComponent(new EmptySpace(new TerminalSize(1, 1)));
        panel.addComponent(new Label("  Enter saves from any field. Tab moves on; Space switches it on or off."));
        return panel;
    }

    private static String label(String text) {
        return "  " + text + " ".repeat(Math.max(1, LABEL_WIDTH - text.length()));
    }

    private static Panel row(String text, Component field) {
        Panel row = new Panel(new LinearLayout(Direction.HORIZONTAL).setSpacing(0));
        row.addComponent(new Label(label(text)));
        // Grows to the width left, with a margin, so long URLs show whole on wide terminals.
        row.addComponent(field, LinearLayout.createLayoutData(LinearLayout.Alignment.Center, LinearLayout.GrowPolicy.CanGrow));
        row.addComponent(new EmptySpace(new TerminalSize(2, 1)));
        return row;
    }

    @Override
    public void onShow() {
        if (model == null) {
            shell.navigator().pop();
            shell.fail(missing);
            return;
        }
        if (!shown) {
            // Only the first time: back from help or a question, the cursor stays where it was.
            shown = true;
            name.takeFocus();
        }
    }

    /** What the fields hold now. */
    EditProviderModel.Draft draft() {
        return new EditProviderModel.Draft(name.getText(), baseUrl.getText(), enabled.isChecked());
    }

    @Override
    public boolean hasUnsavedInput() {
        return model != null && name != null && model.differs(draft());
    }

    @Override
    public boolean onKey(KeyStroke key) {
        if (model == null) {
            return false;
        }
        if (key.getKeyType() == KeyType.Enter) {
            save();
            return true;
        }
        if (key.getKeyType() == KeyType.Escape && hasUnsavedInput()) {
            shell.confirm("Discard your changes to " + model.saved().name() + "?", () -> shell.navigator().pop());
            return true;
        }
        return false;
    }

    private void save() {
        String line;
        try {
            line = model.save(draft());
        } catch (PryxException e) {
            shell.fail(e);
            return;
        }
        shell.navigator().pop();
        shell.status(line);
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(KeyHint.footer("Enter", "save"), KeyHint.footer("Tab", "next"),
                KeyHint.help("Shift+Tab", "previous field"), KeyHint.help("Space", "switch on / off (on Enabled)"),
                KeyHint.help("Esc", "back; asks first when something changed"));
    }
}
