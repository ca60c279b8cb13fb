package dev.pryx.provider;

import dev.pryx.support.PryxPaths;
import dev.pryx.support.Secret;
import dev.pryx.vault.FileVault;
import dev.pryx.vault.VaultException;
import dev.pryx.vault.VaultStatus;
import java.util.OptionalLong;

/**
 * The vault as the manager uses it: opened on first use (created when none exists and a
 * passphrase is available), kept open for the rest of the process, and its own workflows.
 */
final class VaultSession implements AutoCloseable {
    private final PryxPaths paths;
    private final FileVault.Options options;
    private final PassphraseSource passphrases;
    private final SecretInput input;
    // Volatile so isOpen() can be asked without waiting for an unlock in progress (the TUI asks on the GUI thread).
    private volatile FileVault vault;

    VaultSession(PryxPaths paths, FileVault.Options options, PassphraseSource passphrases, SecretInput input) {
        this.paths = paths;
        this.options = options;
        this.passphrases = passphrases;
        this.input = input;
    }

    /** The open vault, created on first use (with a one-line notice) when none exists. */
    synchronized FileVault vault() {
        if (vault != null) {
            return vault;
        }
        if (!FileVault.exists(paths.vaultFile())) {
            try (Secret passphrase = passphrases.forNewVault()) {
                vault = FileVault.create(paths.vaultFile(), passphrase, options);
            }
            input.notice("Created a new vault at " + paths.vaultFile() + ".");
            return vault;
        }
        return openExisting();
    }

    /** Whether the vault is open in this process. */
    boolean isOpen() {
        return vault != null;
    }

    /**
     * Opens the existing vault with a passphrase a face collected itself (the TUI's unlock pane);
     * takes ownership of it. A wrong passphrase leaves the session locked.
     */
    synchronized void unlock(Secret passphrase) {
        try (passphrase) {
            if (vault != null) {
                return;
            }
            if (!FileVault.exists(paths.vaultFile())) {
                throw new VaultException.Missing("No vault exists at " + paths.vaultFile() + ". Create one first.");
            }
            vault = FileVault.open(paths.vaultFile(), passphrase, options);
        }
    }

    /** Creates the vault with a passphrase a face collected itself; takes ownership of it. */
    synchronized void create(Secret passphrase) {
        try (Secret checked = passphrases.checkedNew(passphrase)) {
            if (FileVault.exists(paths.vaultFile())) {
                throw new VaultException.Missing("A vault already exists at " + paths.vaultFile() + "; unlock it instead.");
            }
            closeVault();
            vault = FileVault.create(paths.vaultFile(), checked, options);
        }
    }

    java.nio.file.Path file() {
        return paths.vaultFile();
    }

    /** Whether a vault file exists (without opening it). */
    boolean exists() {
        return FileVault.exists(paths.vaultFile());
    }

    synchronized void init() {
        if (FileVault.exists(paths.vaultFile())) {
            throw new VaultException.Missing("A vault already exists at " + paths.vaultFile()
                    + ". Use `pryx vault status` to see it, or `pryx vault change-passphrase`.");
        }
        try (Secret passphrase = passphrases.forNewVault()) {
            closeVault();
            vault = FileVault.create(paths.vaultFile(), passphrase, options);
        }
    }

    VaultStatus status() {
        return FileVault.inspect(paths.vaultFile(), options);
    }

    synchronized void changePassphrase() {
        FileVault open = openExisting();
        try (Secret replacement = passphrases.replacement()) {
            open.changePassphrase(replacement);
        }
    }

    synchronized FileVault.Restored restore(OptionalLong generation) {
        closeVault();
        try (Secret passphrase = passphrases.current()) {
            FileVault.Restored restored = FileVault.restore(paths.vaultFile(), passphrase, options, generation);
            vault = restored.vault();
            return restored;
        }
    }

    private FileVault openExisting() {
        if (vault != null) {
            return vault;
        }
        if (!FileVault.exists(paths.vaultFile())) {
            throw new VaultException.Missing("No vault exists at " + paths.vaultFile()
                    + ". Create one with `pryx vault init`.");
        }
        try (Secret passphrase = passphrases.current()) {
            vault = FileVault.open(paths.vaultFile(), passphrase, options);
        }
        return vault;
    }

    private void closeVault() {
        if (vault != null) {
            vault.close();
            vault = null;
        }
    }

    @Override
    public synchronized void close() {
        closeVault();
    }
}
