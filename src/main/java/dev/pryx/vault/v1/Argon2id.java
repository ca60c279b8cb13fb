package dev.pryx.vault.v1;

import dev.pryx.support.Secret;
import dev.pryx.support.SecretBytes;
import java.text.Normalizer;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id (RFC 9106) through Bouncy Castle's lightweight API. */
final class Argon2id {
    static final int OUTPUT_BYTES = 32;

    private Argon2id() {
    }

    /**
     * Derives 32 bytes from the passphrase's UTF-8 encoding, after Unicode NFC normalisation so
     * that the same passphrase typed on systems that compose accents differently (NFC vs NFD)
     * opens the vault. ASCII needs no normalisation, and only non-ASCII input passes through a
     * transient String (the JDK's normaliser has no char[] form).
     */
    static SecretBytes derive(Secret passphrase, KdfParameters p) {
        byte[] password = normalisedUtf8(passphrase);
        try {
            return derive(password, p, null, null, OUTPUT_BYTES);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    static byte[] normalisedUtf8(Secret passphrase) {
        char[] chars = passphrase.chars();
        boolean ascii = true;
        for (char c : chars) {
            ascii &= c < 0x80;
        }
        if (ascii) {
            return passphrase.utf8();
        }
        String nfc = Normalizer.normalize(java.nio.CharBuffer.wrap(chars), Normalizer.Form.NFC);
        try (Secret normalised = Secret.adopt(nfc.toCharArray())) {
            return normalised.utf8();
        }
    }

    /** The full primitive, with the optional secret (K) and associated data (X) of RFC 9106. */
    static SecretBytes derive(byte[] password, KdfParameters p, byte[] secret, byte[] associated, int outputBytes) {
        var builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKib())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(p.salt());
        if (secret != null) {
            builder.withSecret(secret);
        }
        if (associated != null) {
            builder.withAdditional(associated);
        }
        var generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] out = new byte[outputBytes];
        generator.generateBytes(password, out);
        return SecretBytes.adopt(out);
    }
}
