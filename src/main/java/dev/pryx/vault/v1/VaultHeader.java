package dev.pryx.vault.v1;

import java.time.Instant;
import java.util.List;

/**
 * The plaintext header of a v1 vault file: what is needed to unlock it, and nothing secret.
 *
 * @param vaultId    random id fixed at creation; bound into every key wrap
 * @param generation counts saves, starting at 1; names backups and only ever moves forward
 *                   (another process's save is noticed by the header checksum)
 * @param slots      ways to recover the data key (v1.0: passphrase slots only)
 */
public record VaultHeader(String vaultId, long generation, Instant createdAt, Instant savedAt,
                          List<PassphraseSlot> slots) {
    public VaultHeader {
        slots = List.copyOf(slots);
    }

    public VaultHeader nextGeneration(Instant now) {
        return new VaultHeader(vaultId, generation + 1, createdAt, now, slots);
    }

    public VaultHeader withSlots(List<PassphraseSlot> newSlots) {
        return new VaultHeader(vaultId, generation, createdAt, savedAt, newSlots);
    }

    public VaultHeader withGeneration(long newGeneration) {
        return new VaultHeader(vaultId, newGeneration, createdAt, savedAt, slots);
    }
}
