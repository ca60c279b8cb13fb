package dev.pryx.provider;

import dev.pryx.support.Secret;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Short fingerprints of keys, to tell keys apart without showing them: HMAC-SHA-256 under a random
 * key kept in the vault, so a fingerprint cannot be checked against guesses by anyone without the
 * vault. Shown as {@code fp:} and 12 hex digits.
 */
final class KeyFingerprints {
    private KeyFingerprints() {
    }

    static String of(byte[] fingerprintKey, Secret secret) {
        byte[] message = secret.utf8();
        try {
            HMac mac = new HMac(new SHA256Digest());
            mac.init(new KeyParameter(fingerprintKey));
            mac.update(message, 0, message.length);
            byte[] out = new byte[mac.getMacSize()];
            mac.doFinal(out, 0);
            return "fp:" + HexFormat.of().formatHex(out, 0, 6);
        } finally {
            Arrays.fill(message, (byte) 0);
        }
    }
}
