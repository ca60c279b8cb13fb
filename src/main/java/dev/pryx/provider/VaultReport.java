package dev.pryx.provider;

import java.time.Instant;
import java.util.List;

/**
 * The vault's state as the faces show it (`pryx vault status`, the TUI's settings, the API).
 * Nothing secret: read from the file's plaintext header and the file system.
 *
 * @param problem null when the header is sound, else why the vault does not open
 */
public record VaultReport(String path, long sizeBytes, String mode, String formatVersion, String vaultId,
                          Long generation, Instant createdAt, Instant savedAt, List<Slot> slots,
                          List<Backup> backups, String problem) {

    /** A key slot: its type and key-derivation costs. */
    public record Slot(String type, String id, Instant createdAt, String kdf, int memoryKib, int iterations,
                       int parallelism) {
    }

    /** A previous version kept beside the vault. */
    public record Backup(String path, long generation, long sizeBytes, Instant modifiedAt) {
    }

    /** What a restore did. */
    public record Restored(long fromGeneration, long newGeneration) {
    }
}
