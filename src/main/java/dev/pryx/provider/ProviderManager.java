package dev.pryx.provider;

import dev.pryx.support.PryxPaths;
import dev.pryx.support.Secret;
import dev.pryx.vault.FileVault;
import dev.pryx.vault.VaultException;
import dev.pryx.vault.VaultStatus;
import java.util.OptionalLong;

/**
 * The one API that the TUI, the CLI and the HTTP API call. It owns every workflow and hides the
 * vault, OAuth and audit packages from the faces. This first slice holds the vault's own
 * workflows (create, inspect, change passphrase, restore) and opens the vault on first use; the
 * provider workflows build on {@link #vault()}.
 */
public final class ProviderManager implements AutoCloseable {
    private final PryxPaths paths;
    private final FileVault.Options vaultOptions;
    private final PassphraseSource passphrases;
    private final SecretInput input;
    private FileVault vault;

    public ProviderManager(PryxPaths paths, FileVault.Options vaultOptions, PassphraseSource passphrases,
                           SecretInput input) {
        this.paths = paths;
        this.vaultOptions = vaultOptions;
        this.passphrases = passphrases;
        this.input = input;
    }

    /** Creates the vault; fails when one exists. */
    public synchronized VaultReport initVault() {
        if (FileVault.exists(paths.vaultFile())) {
            throw new VaultException.Missing("A vault already exists at " + paths.vaultFile()
                    + ". Use `pryx vault status` to see it, or `pryx vault change-passphrase`.");
        }
        try (Secret passphrase = passphrases.forNewVault()) {
            closeVault();
            vault = FileVault.create(paths.vaultFile(), passphrase, vaultOptions);
        }
        return vaultStatus();
    }

    /** Describes the vault from its header; no passphrase needed. */
    public VaultReport vaultStatus() {
        return report(FileVault.inspect(paths.vaultFile(), vaultOptions));
    }

    /** Unlocks with the current passphrase and re-wraps the data key under a new one. */
    public synchronized void changeVaultPassphrase() {
        FileVault open = openExisting();
        try (Secret replacement = passphrases.replacement()) {
            open.changePassphrase(replacement);
        }
    }

    /** Replaces the vault with the newest backup that opens (or the given generation). */
    public synchronized VaultReport.Restored restoreVault(OptionalLong generation) {
        closeVault();
        try (Secret passphrase = passphrases.current()) {
            FileVault.Restored restored = FileVault.restore(paths.vaultFile(), passphrase, vaultOptions, generation);
            vault = restored.vault();
            return new VaultReport.Restored(restored.fromGeneration(), vault.generation());
        }
    }

    /**
     * The open vault: unlocked on first use, or created when none exists and a passphrase is
     * available (with a one-line notice).
     */
    synchronized FileVault vault() {
        if (vault != null) {
            return vault;
        }
        if (!FileVault.exists(paths.vaultFile())) {
            try (Secret passphrase = passphrases.forNewVault()) {
                vault = FileVault.create(paths.vaultFile(), passphrase, vaultOptions);
            }
            input.notice("Created a new vault at " + paths.vaultFile() + ".");
            return vault;
        }
        return openExisting();
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
            vault = FileVault.open(paths.vaultFile(), passphrase, vaultOptions);
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

    private static VaultReport report(VaultStatus s) {
        return new VaultReport(s.path().toString(), s.sizeBytes(), s.mode(), s.formatVersion(), s.vaultId(),
                s.generation(), s.createdAt(), s.savedAt(),
                s.slots().stream().map(x -> new VaultReport.Slot(x.type(), x.id(), x.createdAt(), x.kdf(), x.memoryKib(),
                        x.iterations(), x.parallelism())).toList(),
                s.backups().stream().map(b -> new VaultReport.Backup(b.path().toString(), b.generation(), b.sizeBytes(),
                        b.modifiedAt())).toList(),
                s.problem());
    }
}
