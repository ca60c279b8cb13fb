package dev.pryx.vault.v1;

import dev.pryx.support.SecretBytes;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * AES-GCM with a 128-bit tag through Bouncy Castle's lightweight API (no JCA provider to
 * register, which is slow at start-up).
 */
final class AesGcm {
    static final int TAG_BYTES = 16;
    static final int NONCE_BYTES = 12;

    private AesGcm() {
    }

    static byte[] encrypt(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        GCMModeCipher gcm = cipher(true, key, nonce, aad, TAG_BYTES * 8);
        byte[] out = new byte[gcm.getOutputSize(plaintext.length)];
        int n = gcm.processBytes(plaintext, 0, plaintext.length, out, 0);
        try {
            n += gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("GCM encryption cannot fail", e);
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /**
     * Decrypts and verifies. Bouncy Castle's GCM writes plaintext into the output before it has
     * checked the tag, so the output stays private to this method until {@code doFinal} succeeds
     * and is wiped when it does not.
     *
     * @return the plaintext, or {@code null} when the tag does not verify
     */
    static SecretBytes decrypt(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext, int tagBits) {
        if (ciphertext.length < tagBits / 8) {
            return null;
        }
        GCMModeCipher gcm = cipher(false, key, nonce, aad, tagBits);
        byte[] out = new byte[gcm.getOutputSize(ciphertext.length)];
        try {
            int n = gcm.processBytes(ciphertext, 0, ciphertext.length, out, 0);
            n += gcm.doFinal(out, n);
            if (n == out.length) {
                return SecretBytes.adopt(out);
            }
            byte[] exact = Arrays.copyOf(out, n);
            Arrays.fill(out, (byte) 0);
            return SecretBytes.adopt(exact);
        } catch (InvalidCipherTextException e) {
            Arrays.fill(out, (byte) 0);
            return null;
        }
    }

    static SecretBytes decrypt(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertext) {
        return decrypt(key, nonce, aad, ciphertext, TAG_BYTES * 8);
    }

    private static GCMModeCipher cipher(boolean encrypt, byte[] key, byte[] nonce, byte[] aad, int tagBits) {
        GCMModeCipher gcm = GCMBlockCipher.newInstance(AESEngine.newInstance());
        gcm.init(encrypt, new AEADParameters(new KeyParameter(key), tagBits, nonce, aad));
        return gcm;
    }
}
