package dev.pryx.vault.v1;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.UnaryOperator;

/**
 * Surgery on vault files for tests: read the header, replace it, recompute the checksum, as an
 * attacker or a faulty writer would (accidental damage is simpler: flip a byte). One place for the
 * byte layout of format 1.0 outside the codec.
 */
public final class VaultFileEdits {
    private VaultFileEdits() {
    }

    /** The header JSON of a well-formed file. */
    public static byte[] headerOf(byte[] file) {
        int length = ByteBuffer.wrap(file, V1Codec.MAGIC.length + 2, 4).getInt();
        return Arrays.copyOfRange(file, V1Codec.PREFIX_BYTES, V1Codec.PREFIX_BYTES + length);
    }

    /** Where the encrypted payload starts in a well-formed file. */
    public static int payloadStart(byte[] file) {
        return V1Codec.PREFIX_BYTES + headerOf(file).length + V1Codec.CHECKSUM_BYTES;
    }

    /**
     * A 1.0 file around {@code header}: prefix, header, its correct checksum, and the 16 bytes of
     * payload that are the least {@link V1Codec#parse} accepts.
     */
    public static byte[] minimalFile(byte[] header) {
        return wrap(header, new byte[AesGcm.TAG_BYTES]);
    }

    /** Prefix (version 1.0, the header's length), header, correct checksum, then {@code payload}. */
    public static byte[] wrap(byte[] header, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(V1Codec.PREFIX_BYTES + header.length + V1Codec.CHECKSUM_BYTES + payload.length);
        b.put(V1Codec.MAGIC).put((byte) V1Codec.MAJOR).put((byte) V1Codec.MINOR).putInt(header.length).put(header);
        b.put(V1Codec.sha256(b.array(), V1Codec.PREFIX_BYTES + header.length)).put(payload);
        return b.array();
    }

    /**
     * Recomputes the checksum after an edit of the prefix or header, so that the edit gets past
     * the checksum. Files too short or with an impossible header length come back unchanged.
     */
    public static byte[] reseal(byte[] file) {
        if (file.length < V1Codec.PREFIX_BYTES) {
            return file;
        }
        long length = ByteBuffer.wrap(file, V1Codec.MAGIC.length + 2, 4).getInt() & 0xffff_ffffL;
        long end = V1Codec.PREFIX_BYTES + length;
        if (end + V1Codec.CHECKSUM_BYTES > file.length) {
            return file;
        }
        byte[] out = file.clone();
        System.arraycopy(V1Codec.sha256(out, (int) end), 0, out, (int) end, V1Codec.CHECKSUM_BYTES);
        return out;
    }

    /** The file with another header (length updated, checksum left stale: {@link #reseal} fixes it). */
    public static byte[] replaceHeader(byte[] file, byte[] header) {
        int oldLength = headerOf(file).length;
        byte[] rest = Arrays.copyOfRange(file, V1Codec.PREFIX_BYTES + oldLength, file.length);
        ByteBuffer b = ByteBuffer.allocate(V1Codec.PREFIX_BYTES + header.length + rest.length);
        b.put(file, 0, V1Codec.MAGIC.length + 2).putInt(header.length).put(header).put(rest);
        return b.array();
    }

    /** A deliberate header edit: the header text changed by {@code edit}, the checksum recomputed. */
    public static byte[] editHeader(byte[] file, UnaryOperator<String> edit) {
        String header = new String(headerOf(file), StandardCharsets.UTF_8);
        return reseal(replaceHeader(file, edit.apply(header).getBytes(StandardCharsets.UTF_8)));
    }

    /** The file with its header-length field set to {@code length} (nothing else changed). */
    public static byte[] withHeaderLength(byte[] file, long length) {
        byte[] out = file.clone();
        ByteBuffer.wrap(out, V1Codec.MAGIC.length + 2, 4).putInt((int) length);
        return out;
    }
}
