package dev.pryx.tui.vault;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.gui2.Component;
import com.googlecode.lanterna.gui2.Direction;
import com.googlecode.lanterna.gui2.EmptySpace;
import com.googlecode.lanterna.gui2.Label;
import com.googlecode.lanterna.gui2.LayoutData;
import com.googlecode.lanterna.gui2.LinearLayout;
import com.googlecode.lanterna.gui2.Panel;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.pryx.support.Secret;
import dev.pryx.tui.shell.Async;
import dev.pryx.tui.shell.KeyHint;
import dev.pryx.tui.shell.Pane;
import dev.pryx.tui.shell.Shell;
import dev.pryx.tui.widgets.SecretField;
import dev.pryx.tui.widgets.WrappedText;
import java.util.List;
import java.util.function.Consumer;

/**
 * The first screen: unlocks the vault, or creates it on first run, with the key derivation on a
 * worker so the screen stays live. With the passphrase in the environment it asks nothing.
 *
 * <pre>
 *  pryx · Unlock
 *
 *   Your API keys are in the encrypted vault /home/ana/.local/share/pryx/vault.pryx. Type its
 *   passphrase to unlock it.
 *
 *   Passphrase      [••••••••••  10 characters          ]
 *
 *   Wrong passphrase for the vault ... Try again, ...
 *
 *  Enter unlock  ·  / palette  ? help  Esc back  q quit
 * </pre>
 *
 * First run (create): {@code New passphrase} with a live strength hint under it, then
 * {@code Repeat}; Tab or Enter moves on, Enter on Repeat creates. Ctrl+U clears a field. With the
 * passphrase from the environment the body says what it is doing, or what to fix; q quits.
 */
public final class UnlockPane extends Pane {
    private static final int INDENT = 2;
    private static final String LABEL_PASSPHRASE = "Passphrase";
    private static final String LABEL_NEW = "New passphrase";
    private static final String LABEL_REPEAT = "Repeat";
    private static final int LABEL_WIDTH = LABEL_NEW.length() + 2;

    private final Runnable onUnlocked;
    private final UnlockModel model;
    private final Async.Ticket ticket = new Async.Ticket();
    private final SecretField passphrase = new SecretField();
    private final SecretField repeat = new SecretField();
    private final WrappedText intro = new WrappedText(3, INDENT);
    private final WrappedText hint = new WrappedText(2, INDENT);
    private final WrappedText message = new WrappedText(6, INDENT);
    private Panel content;
    private UnlockModel.Mode built;
    private boolean started;

    public UnlockPane(Shell shell, Runnable onUnlocked) {
        super(shell, "Unlock");
        this.onUnlocked = onUnlocked;
        this.model = new UnlockModel(shell.manager());
        passphrase.onChange(this::updateHint);
    }

    public UnlockModel model() {
        return model;
    }

    @Override
    protected Component body() {
        content = new Panel(new LinearLayout(Direction.VERTICAL).setSpacing(0));
        build();
        return content;
    }

    /** Lays the body out for the model's mode; again only when the mode changed. */
    private void build() {
        UnlockModel.Mode mode = model.mode();
        if (mode == built) {
            return;
        }
        built = mode;
        content.removeAllComponents();
        content.addComponent(new EmptySpace(new TerminalSize(1, 1)));
        intro.text(model.intro());
        content.addComponent(intro, fill());
        content.addComponent(new EmptySpace(new TerminalSize(1, 1)));
        switch (mode) {
            case UNLOCK -> content.addComponent(row(LABEL_PASSPHRASE, passphrase));
            case CREATE -> {
                content.addComponent(row(LABEL_NEW, passphrase));
                content.addComponent(hint, fill());
                content.addComponent(row(LABEL_REPEAT, repeat));
                updateHint();
            }
            default -> {
                // Nothing to type: the message says what is happening.
            }
        }
        content.addComponent(new EmptySpace(new TerminalSize(1, 1)));
        content.addComponent(message, fill());
        refreshFooter();
        if (mode == UnlockModel.Mode.UNLOCK || mode == UnlockModel.Mode.CREATE) {
            passphrase.takeFocus();
        }
    }

    private static LayoutData fill() {
        return LinearLayout.createLayoutData(LinearLayout.Alignment.Fill);
    }

    private static Panel row(String label, SecretField field) {
        Panel row = new Panel(new LinearLayout(Direction.HORIZONTAL).setSpacing(0));
        row.addComponent(new Label(" ".repeat(INDENT) + label + " ".repeat(LABEL_WIDTH - label.length())));
        row.addComponent(field);
        return row;
    }

    @Override
    public void onShow() {
        if (model.busy()) {
            return;
        }
        if (model.refresh() == UnlockModel.Mode.OPEN) {
            onUnlocked.run();
            return;
        }
        build();
        if (!started && model.mode() == UnlockModel.Mode.FROM_ENVIRONMENT) {
            started = true;
            start(model::unlockFromEnvironment);
        }
        show();
    }

    @Override
    public List<KeyHint> keys() {
        return switch (model.mode()) {
            case UNLOCK -> List.of(KeyHint.footer("Enter", "unlock"), KeyHint.help("Ctrl+U", "clear the field"));
            case CREATE -> List.of(KeyHint.footer("Tab", "next field"), KeyHint.footer("Enter", "next / create"),
                    KeyHint.help("Ctrl+U", "clear the field"));
            default -> List.of();
        };
    }

    @Override
    public boolean onKey(KeyStroke key) {
        if (key.getKeyType() != KeyType.Enter) {
            return false;
        }
        if (model.busy()) {
            return true;
        }
        switch (model.mode()) {
            case UNLOCK -> submitUnlock();
            case CREATE -> {
                if (repeat.isFocused()) {
                    submitCreate();
                } else if (passphrase.length() == 0) {
                    model.say(UnlockModel.NewPassphrase.EMPTY.message());
                    show();
                } else {
                    repeat.takeFocus();
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private void submitUnlock() {
        if (passphrase.length() == 0) {
            model.say("Type the vault's passphrase, then press Enter.");
            show();
            return;
        }
        // The field is wiped at once: the copy now belongs to the manager, which wipes it.
        Secret typed = passphrase.value();
        passphrase.clear();
        start(() -> model.unlock(typed), typed);
    }

    private void submitCreate() {
        Secret first = passphrase.value();
        UnlockModel.NewPassphrase check;
        try (Secret again = repeat.value()) {
            check = model.checkNew(first, again);
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
        switch (check) {
            case OK -> {
                passphrase.clear();
                repeat.clear();
                start(() -> model.create(first), first);
                return;
            }
            case EMPTY -> passphrase.takeFocus();
            case DIFFERENT -> repeat.clear();
            default -> {
                // Not repeated yet: focus stays on Repeat.
            }
        }
        first.close();
        show();
    }

    private void start(Runnable work) {
        start(work, null);
    }

    /** Runs {@code work} on a worker; {@code owned}, the secret it will wipe, is wiped here when it cannot start. */
    private void start(Runnable work, Secret owned) {
        if (!model.begin()) {
            if (owned != null) {
                owned.close();
            }
            return;
        }
        show();
        Consumer<RuntimeException> failed = e -> {
            model.failed(Shell.describe(e));
            build();
            show();
            if (model.mode() != UnlockModel.Mode.FROM_ENVIRONMENT) {
                passphrase.takeFocus();
            }
        };
        try {
            shell.async().run(ticket, () -> {
                work.run();
                return Boolean.TRUE;
            }, ok -> {
                String line = model.succeeded();
                onUnlocked.run();
                if (line != null) {
                    shell.status(line);
                }
            }, failed);
        } catch (RuntimeException e) {
            // The worker pool refused the task (shutting down): the secret must not outlive it.
            if (owned != null) {
                owned.close();
            }
            failed.accept(e);
        }
    }

    private void updateHint() {
        if (model.mode() != UnlockModel.Mode.CREATE) {
            return;
        }
        try (Secret typed = passphrase.value()) {
            hint.text(UnlockModel.strengthHint(typed));
        }
    }

    private void show() {
        message.text(model.message());
    }

    @Override
    public void onClose() {
        ticket.next();
        passphrase.clear();
        repeat.clear();
    }
}
