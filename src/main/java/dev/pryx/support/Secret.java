package dev.pryx.support;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A secret text (passphrase, API key, token) held as a {@code char[]} that is wiped on
 * {@link #close()}. It never turns into a {@code String}: {@link #toString()} is redacted, and
 * the only ways out are {@link #chars()} (a view the caller must not keep) and
 * {@link #utf8()} (a copy the caller wipes).
 */
public final class Secret implements AutoCloseable {
    private final char[] value;
    private boolean wiped;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Takes ownership of {@code value}: the caller must not keep or wipe it. */
    public static Secret adopt(char[] value) {
        return new Secret(value);
    }

    /** Copies {@code value[from, to)}; the caller still owns (and should wipe) its array. */
    public static Secret copyOf(char[] value, int from, int to) {
        return new Secret(Arrays.copyOfRange(value, from, to));
    }

    /**
     * Decodes strict UTF-8 bytes into a secret without creating a {@code String}.
     *
     * @throws PryxException (usage) when the bytes are not valid UTF-8
     */
    public static Secret fromUtf8(byte[] bytes, int from, int to) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars;
        try {
            chars = decoder.decode(ByteBuffer.wrap(bytes, from, to - from));
        } catch (CharacterCodingException e) {
            throw new PryxException(PryxException.Kind.USAGE,
                    "The secret is not valid UTF-8 text. Check the input's encoding and try again.");
        }
        char[] out = new char[chars.remaining()];
        chars.get(out);
        Arrays.fill(chars.array(), '\0');
        return new Secret(out);
    }

    /** The characters, for immediate use only. */
    public char[] chars() {
        checkLive();
        return value;
    }

    public int length() {
        checkLive();
        return value.length;
    }

    public boolean isEmpty() {
        return length() == 0;
    }

    /** A fresh UTF-8 encoding; the caller wipes it with {@code Arrays.fill(bytes, (byte) 0)}. */
    public byte[] utf8() {
        checkLive();
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(value));
        byte[] out = new byte[encoded.remaining()];
        encoded.get(out);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return out;
    }

    /** An independent copy with its own lifetime. */
    public Secret copy() {
        checkLive();
        return new Secret(value.clone());
    }

    /** Constant-time comparison of contents. */
    public boolean sameAs(Secret other) {
        byte[] a = utf8();
        byte[] b = other.utf8();
        try {
            return MessageDigest.isEqual(a, b);
        } finally {
            Arrays.fill(a, (byte) 0);
            Arrays.fill(b, (byte) 0);
        }
    }

    @Override
    public void close() {
        Arrays.fill(value, '\0');
        wiped = true;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }

    private void checkLive() {
        if (wiped) {
            throw new IllegalStateException("secret used after it was wiped");
        }
    }
}
