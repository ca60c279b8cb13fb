package dev.pryx.tui.vault;

import dev.pryx.provider.PassphraseSource;
import dev.pryx.provider.ProviderManager;
import dev.pryx.support.PryxException;
import dev.pryx.support.Secret;

/**
 * The unlock screen's state: which of the four situations applies (already open, passphrase in
 * the environment, an existing vault to unlock, no vault yet), whether a slow key derivation is
 * running, and the line to show. No Lanterna here, so it is tested without a terminal.
 *
 * <p>State changes happen on the GUI thread ({@link #begin}, {@link #succeeded}, {@link #failed});
 * only the manager calls ({@link #unlock}, {@link #create}, {@link #unlockFromEnvironment}) run
 * on a worker, and they touch no field here.
 */
public final class UnlockModel {
    /** What the screen is for. */
    public enum Mode {
        /** The vault is open already: nothing to ask. */
        OPEN,
        /** The environment supplies the passphrase: unlock (or create) without asking. */
        FROM_ENVIRONMENT,
        /** A vault exists: ask for its passphrase. */
        UNLOCK,
        /** First run: choose a passphrase, typed twice. */
        CREATE
    }

    /** What is wrong with a new passphrase and its repetition, if anything. */
    public enum NewPassphrase {
        OK(""),
        EMPTY("Type a passphrase first."),
        NOT_REPEATED("Type the same passphrase again under Repeat to confirm it."),
        DIFFERENT("The two passphrases differ. Type it again under Repeat.");

        private final String message;

        NewPassphrase(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    /** Added to a failure with the environment's passphrase: nothing typed here could help. */
    static final String ENV_ADVICE = "Start pryx again once that is fixed; q quits.";

    private final ProviderManager manager;
    private Mode mode;
    private boolean busy;
    private boolean vaultExistedBefore;
    private String message = "";

    public UnlockModel(ProviderManager manager) {
        this.manager = manager;
        this.mode = decide();
    }

    private Mode decide() {
        if (manager.vaultUnlocked()) {
            return Mode.OPEN;
        }
        if (manager.passphraseConfigured()) {
            return Mode.FROM_ENVIRONMENT;
        }
        return manager.vaultExists() ? Mode.UNLOCK : Mode.CREATE;
    }

    public Mode mode() {
        return mode;
    }

    /**
     * Looks again (the vault may have been opened, or created by another process, since); not
     * while a request runs, because the answer would block on the key derivation.
     */
    public Mode refresh() {
        if (!busy) {
            mode = decide();
        }
        return mode;
    }

    public boolean busy() {
        return busy;
    }

    /** The line under the fields: what is happening or what went wrong; empty when nothing. */
    public String message() {
        return message;
    }

    /** Sets the line under the fields (a hint about what to type). */
    public void say(String line) {
        message = line == null ? "" : line;
    }

    /** The vault file's path (where it is, or where it will be created). */
    public String vaultPath() {
        return manager.vaultPath();
    }

    /** One or two sentences on what this screen is for. */
    public String intro() {
        String path = vaultPath();
        String where = path;
        return switch (mode) {
            case OPEN -> "The vault is open.";
            case FROM_ENVIRONMENT -> "Opening the vault " + where + " with the passphrase from the environment.";
            case UNLOCK -> "Your API keys are in the encrypted vault " + where + ". Type its passphrase to unlock it.";
            case CREATE -> "First run: pryx keeps your API keys in an encrypted vault, " + where
                    + ". Choose its passphrase: it cannot be recovered, so keep it somewhere safe.";
        };
    }

    /** The live hint under a new passphrase; reads only its length. */
    public static String strengthHint(Secret passphrase) {
        return PassphraseSource.strengthHint(passphrase);
    }

    /** Checks a new passphrase against its repetition; neither is taken or kept. */
    public NewPassphrase checkNew(Secret first, Secret repeat) {
        NewPassphrase result;
        if (first.isEmpty()) {
            result = NewPassphrase.EMPTY;
        } else if (repeat.isEmpty()) {
            result = NewPassphrase.NOT_REPEATED;
        } else if (!first.sameAs(repeat)) {
            result = NewPassphrase.DIFFERENT;
        } else {
            result = NewPassphrase.OK;
        }
        message = result.message();
        return result;
    }

    /**
     * Starts a request unless one runs (a second Enter while the key derivation works is
     * ignored); returns whether it started, and shows what it is doing.
     */
    public boolean begin() {
        if (busy || mode == Mode.OPEN) {
            return false;
        }
        busy = true;
        vaultExistedBefore = manager.vaultExists();
        message = switch (mode) {
            case CREATE -> "Creating the vault…";
            case FROM_ENVIRONMENT -> "Unlocking the vault…";
            default -> "Unlocking…";
        };
        return true;
    }

    /** Worker: opens the existing vault; takes ownership of {@code passphrase}. Slow. */
    public void unlock(Secret passphrase) {
        try (passphrase) {
            manager.unlockVault(passphrase);
        }
    }

    /** Worker: creates the vault; takes ownership of {@code passphrase}. Slow. */
    public void create(Secret passphrase) {
        try (passphrase) {
            manager.createVault(passphrase);
        }
    }

    /** Worker: opens the vault with the environment's passphrase, creating it when there is none. Slow. */
    public void unlockFromEnvironment() {
        manager.unlockVault();
    }

    /** After a request succeeded: the line to show on the next screen, or null when there is nothing to say. */
    public String succeeded() {
        busy = false;
        mode = Mode.OPEN;
        message = "";
        if (vaultExistedBefore) {
            return null;
        }
        String path = vaultPath();
        return "Created the vault" + (path == null ? "" : " " + path) + ".";
    }

    /**
     * After a request failed with {@code reason} (the manager's sentence). With the passphrase
     * from the environment nothing typed here can help, so the line says what to fix instead. A
     * vault that appeared while creating one (another pryx) turns this into the unlock screen.
     */
    public void failed(String reason) {
        busy = false;
        switch (mode) {
            case FROM_ENVIRONMENT -> message = reason + " " + ENV_ADVICE;
            case CREATE -> {
                message = reason;
                if (manager.vaultExists()) {
                    mode = Mode.UNLOCK;
                }
            }
            default -> message = reason;
        }
    }
}
