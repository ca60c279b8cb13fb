package dev.pryx.vault.v1;

import java.time.Instant;

/**
 * A key slot that wraps the data key under a key derived from a passphrase.
 *
 * @param id         short name, unique within the header
 * @param kdf        Argon2id parameters and salt
 * @param check      32 bytes derived from the passphrase beside the wrapping key: lets a wrong
 *                   passphrase be told apart from a damaged slot without trying to unwrap
 * @param nonce      12-byte GCM nonce of the wrap (one encryption per wrapping key)
 * @param wrappedKey the data key encrypted with AES-256-GCM (32 bytes + 16-byte tag)
 */
public record PassphraseSlot(String id, Instant createdAt, KdfParameters kdf, byte[] check, byte[] nonce,
                             byte[] wrappedKey) {
    public static final String TYPE = "passphrase";

    public PassphraseSlot {
        check = check.clone();
        nonce = nonce.clone();
        wrappedKey = wrappedKey.clone();
    }

    @Override
    public byte[] check() {
        return check.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }
}
