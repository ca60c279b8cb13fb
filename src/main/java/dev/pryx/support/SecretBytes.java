package dev.pryx.support;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * Key material or decrypted plaintext held as a {@code byte[]} and wiped on {@link #close()}.
 * JDK 17's {@code SecretKeySpec.destroy()} always throws, so keys live here instead.
 */
public final class SecretBytes implements AutoCloseable {
    private final byte[] value;
    private boolean wiped;

    private SecretBytes(byte[] value) {
        this.value = value;
    }

    /** Takes ownership of {@code value}. */
    public static SecretBytes adopt(byte[] value) {
        return new SecretBytes(value);
    }

    /** The bytes, for immediate use only; never keep or hand on the array. */
    public byte[] bytes() {
        if (wiped) {
            throw new IllegalStateException("key material used after it was wiped");
        }
        return value;
    }

    public int length() {
        return bytes().length;
    }

    public SecretBytes copy() {
        return new SecretBytes(bytes().clone());
    }

    /** Constant-time equality. */
    public boolean sameAs(SecretBytes other) {
        return MessageDigest.isEqual(bytes(), other.bytes());
    }

    @Override
    public void close() {
        Arrays.fill(value, (byte) 0);
        wiped = true;
    }

    @Override
    public String toString() {
        return "SecretBytes[redacted]";
    }
}
