package dev.pryx.vault.v1;

import dev.pryx.support.SecretBytes;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA-256 (RFC 5869): extract-and-expand, used to split one key into independent subkeys. */
final class Hkdf {
    private Hkdf() {
    }

    static SecretBytes sha256(byte[] inputKey, byte[] salt, String info, int length) {
        return sha256(inputKey, salt, info.getBytes(StandardCharsets.US_ASCII), length);
    }

    static SecretBytes sha256(byte[] inputKey, byte[] salt, byte[] info, int length) {
        var generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(inputKey, salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return SecretBytes.adopt(out);
    }
}
