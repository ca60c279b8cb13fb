package dev.pryx.tui.keyentry;

import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.GridLayout;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.support.PryxException;
import dev.pryx.support.Secret;
import dev.pryx.tui.shell.KeyHint;
import dev.pryx.tui.shell.Pane;
import dev.pryx.tui.shell.Shell;
import dev.pryx.tui.widgets.SecretField;
import java.util.List;

/**
 * Sets a provider's API key: the format hint and the key stored now above a masked field, a
 * verdict that follows every key press, Enter to save. The key is never drawn: the field shows
 * dots and a count, and nothing else on the screen (the status line included) is derived from
 * its characters beyond the manager's verdict sentence.
 *
 * <pre>
 *  pryx · Key for openai
 *    Provider  OpenAI (openai)
 *    Format    starts with sk- (project keys: sk-proj-)
 *    Stored    fp:3f9a0c1d2e4b; saving replaces it (the old one is kept for rollback)
 *    Key       ••••••••••••••••••••••••••••  41 characters
 *              ✓ Looks like an OpenAI key.
 *  The key is empty. Paste the whole key; nothing was stored.     (status: why saving failed)
 *  Enter save  ·  Ctrl+P palette  F1 help  Esc back  Ctrl+C quit
 * </pre>
 *
 * A bracketed paste arrives as characters (the shell drops the pasted line breaks), so a key
 * pasted with its trailing newline is not submitted. After saving, when opened right after adding
 * the provider, the model picker takes this pane's place; otherwise the pane closes. Esc leaves
 * without saving, which is how the optional key of a local endpoint is skipped.
 */
public final class KeyEntryPane extends Pane {
    private static final int LABEL_COLUMNS = 12;

    private final KeyEntryModel model;
    private final boolean continueToModels;
    private SecretField field;
    private Label provider;
    private Label format;
    private Label current;
    private Label validation;

    public KeyEntryPane(Shell shell, String providerId, boolean continueToModels) {
        super(shell, "Key for " + providerId);
        this.model = new KeyEntryModel(shell.manager(), providerId);
        this.continueToModels = continueToModels;
    }

    public KeyEntryModel model() {
        return model;
    }

    public SecretField field() {
        return field;
    }

    @Override
    protected Component body() {
        Panel panel = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
        panel.addComponent(new EmptySpace());
        Panel grid = new Panel(new GridLayout(2).setHorizontalSpacing(1).setLeftMarginSize(2));
        provider = row(grid, "Provider");
        format = row(grid, "Format");
        current = row(grid, "Stored");
        grid.addComponent(new Label("Key"));
        field = new SecretField();
        field.onChange(this::assess);
        grid.addComponent(field);
        grid.addComponent(new EmptySpace());
        validation = new Label("");
        grid.addComponent(validation);
        panel.addComponent(grid);
        panel.addComponent(new EmptySpace());
        Label help = new Label("  Enter saves; Esc leaves without saving; Ctrl+U clears the field.");
        panel.addComponent(help);
        return panel;
    }

    private static Label row(Panel grid, String label) {
        grid.addComponent(new Label(label));
        Label value = new Label("");
        grid.addComponent(value);
        return value;
    }

    /** Shows text in a label of the right-hand column, wrapped to what the terminal leaves it. */
    private void put(Label label, String text) {
        int columns = shell.gui().getScreen().getTerminalSize().getColumns();
        label.setLabelWidth(Math.max(20, columns - LABEL_COLUMNS - 4));
        label.setText(text);
    }

    @Override
    public void onShow() {
        String problem = null;
        try {
            model.load();
        } catch (PryxException e) {
            shell.fail(e);
            problem = e.getMessage();
        }
        put(provider, model.providerLine());
        put(format, model.formatLine());
        put(current, model.currentLine());
        if (problem != null) {
            put(validation, "✗ " + problem);
        } else if (field.length() == 0) {
            put(validation, model.validationLine());
        }
        field.takeFocus();
    }

    /** The live verdict: a copy of the field is judged and wiped at once. */
    private void assess() {
        try (Secret typed = field.value()) {
            model.assess(typed);
            put(validation, model.validationLine());
        } catch (PryxException e) {
            put(validation, "✗ " + e.getMessage());
        }
    }

    @Override
    public List<KeyHint> keys() {
        return List.of(KeyHint.footer("Enter", "save"), KeyHint.help("Ctrl+U", "clear the field"),
                KeyHint.help("Backspace", "delete the last character"),
                KeyHint.help("Esc", "leave without saving (skips an optional key)"));
    }

    @Override
    public boolean onKey(KeyStroke key) {
        if (key.getKeyType() == KeyType.Enter) {
            save();
            return true;
        }
        return false;
    }

    private void save() {
        String message;
        try {
            message = model.save(field.value());
        } catch (PryxException e) {
            shell.fail(e);
            return;
        }
        field.clear();
        shell.navigator().pop();
        if (continueToModels && model.hasModels()) {
            shell.navigator().push(shell.screens().modelPicker(model.providerId()));
            message += " Now pick its default model.";
        }
        shell.status(message);
    }

    @Override
    public boolean hasUnsavedInput() {
        return field != null && field.length() > 0;
    }

    @Override
    public void onClose() {
        if (field != null) {
            field.clear();
        }
    }
}
