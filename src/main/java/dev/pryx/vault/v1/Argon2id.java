package dev.pryx.vault.v1;

import dev.pryx.support.Secret;
import dev.pryx.support.SecretBytes;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id (RFC 9106) through Bouncy Castle's lightweight API. */
final class Argon2id {
    static final int OUTPUT_BYTES = 32;

    private Argon2id() {
    }

    /** Derives 32 bytes from the passphrase's UTF-8 encoding. */
    static SecretBytes derive(Secret passphrase, KdfParameters p) {
        byte[] password = passphrase.utf8();
        try {
            return derive(password, p, null, null, OUTPUT_BYTES);
        } finally {
            Arrays.fill(password, (byte) 0);
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
