package dev.pryx.vault;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What can be said about a vault file without its passphrase. Holds nothing secret.
 *
 * @param formatVersion  "major.minor" as written in the file
 * @param problem        null when the header is sound, else why it is not (the file is then
 *                       damaged or of an unsupported version, and most other fields are null)
 * @param mode           the file's permission bits, e.g. "0600"
 */
public record VaultStatus(Path path, long sizeBytes, String mode, String formatVersion, String vaultId,
                          Long generation, Instant createdAt, Instant savedAt, List<Slot> slots,
                          List<Backup> backups, String problem) {

    /** One key slot, described by its type and KDF costs. */
    public record Slot(String type, String id, Instant createdAt, String kdf, int memoryKib, int iterations,
                       int parallelism) {
    }

    /** One backup kept beside the vault. */
    public record Backup(Path path, long generation, long sizeBytes, Instant modifiedAt) {
    }
}
