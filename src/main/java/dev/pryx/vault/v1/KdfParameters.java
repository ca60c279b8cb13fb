package dev.pryx.vault.v1;

import java.util.Arrays;

/**
 * Argon2id cost parameters and salt for one passphrase slot, as stored in the header.
 *
 * @param memoryKib   memory in KiB (m)
 * @param iterations  passes over memory (t)
 * @param parallelism lanes (p)
 * @param salt        random, 16 to 64 bytes, fresh on every passphrase change
 */
public record KdfParameters(int memoryKib, int iterations, int parallelism, byte[] salt) {
    /** Argon2 version 0x13, the only one RFC 9106 defines. */
    public static final int ARGON2_VERSION = 0x13;

    public KdfParameters {
        salt = salt.clone();
    }

    /** RFC 9106's second recommended option: 64 MiB, t=3, p=4. */
    public static KdfParameters recommended() {
        return costs(64 * 1024, 3, 4);
    }

    /** Costs without a salt yet: a template for {@link V1Codec#newPassphraseSlot}, which adds a fresh one. */
    public static KdfParameters costs(int memoryKib, int iterations, int parallelism) {
        return new KdfParameters(memoryKib, iterations, parallelism, new byte[0]);
    }

    public KdfParameters withSalt(byte[] newSalt) {
        return new KdfParameters(memoryKib, iterations, parallelism, newSalt);
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdfParameters k && k.memoryKib == memoryKib && k.iterations == iterations
                && k.parallelism == parallelism && Arrays.equals(k.salt, salt);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * (31 * memoryKib + iterations) + parallelism) + Arrays.hashCode(salt);
    }

    @Override
    public String toString() {
        return "argon2id m=" + memoryKib + "KiB t=" + iterations + " p=" + parallelism;
    }
}
