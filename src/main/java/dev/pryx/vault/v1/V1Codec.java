package dev.pryx.vault.v1;

import static dev.pryx.vault.v1.VaultFormatException.Problem.DAMAGED;
import static dev.pryx.vault.v1.VaultFormatException.Problem.UNSUPPORTED_VERSION;
import static dev.pryx.vault.v1.VaultFormatException.Problem.WRONG_PASSPHRASE;

import dev.pryx.support.Secret;
import dev.pryx.support.SecretBytes;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads and writes vault files of format 1.0. See {@code docs/VAULT-FORMAT.md} for the layout
 * and the reasons behind each choice; in short:
 *
 * <pre>
 * magic(8) major(1) minor(1) headerLength(4, big-endian) header(JSON) checksum(32) payload(AES-256-GCM)
 * </pre>
 *
 * The checksum is SHA-256 over everything before it: it finds accidental damage to the header
 * before any key is derived, and it is the payload's associated data, so editing the header in
 * any way makes the payload fail to decrypt.
 */
public final class V1Codec {
    public static final byte[] MAGIC = {(byte) 0x89, 'P', 'R', 'Y', 'X', 'V', '\r', '\n'};
    public static final int MAJOR = 1;
    public static final int MINOR = 0;
    public static final int MAX_FILE_BYTES = 16 * 1024 * 1024;
    public static final int MAX_HEADER_BYTES = 64 * 1024;
    static final int PREFIX_BYTES = MAGIC.length + 2 + 4;
    static final int CHECKSUM_BYTES = 32;
    static final int KEY_BYTES = 32;
    static final int SALT_BYTES = 32;

    private static final String SLOT_INFO = "pryx-vault-v1/passphrase-slot";
    private static final String PAYLOAD_INFO = "pryx-vault-v1/payload";
    private static final byte[] SLOT_AAD_PREFIX = "pryx-vault-v1/wrapped-key\0".getBytes(StandardCharsets.US_ASCII);

    private final KdfBounds bounds;
    private final SecureRandom random;

    public V1Codec(KdfBounds bounds, SecureRandom random) {
        this.bounds = bounds;
        this.random = random;
    }

    /** A parsed file whose structure and checksum are sound; nothing decrypted yet. */
    public record ParsedFile(int minor, VaultHeader header, byte[] payloadSalt, byte[] payloadCommitment,
                             byte[] checksum, byte[] ciphertext) {
    }

    /** A vault opened with a passphrase: the header, the data key and the payload plaintext. */
    public record Opened(VaultHeader header, byte[] checksum, SecretBytes dataKey, SecretBytes plaintext) {
    }

    /** The format version {major, minor} the file claims, without validating the rest; null when not a vault. */
    public static int[] peekVersion(byte[] file) {
        if (file.length < MAGIC.length + 2 || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        return new int[] {file[MAGIC.length] & 0xff, file[MAGIC.length + 1] & 0xff};
    }

    /**
     * Checks structure, sizes, checksum, header syntax and KDF bounds. Runs no KDF and decrypts
     * nothing, so it is cheap on hostile input.
     */
    public ParsedFile parse(byte[] file) throws VaultFormatException {
        if (file.length == 0) {
            throw new VaultFormatException(DAMAGED, "the file is empty");
        }
        if (file.length > MAX_FILE_BYTES) {
            throw new VaultFormatException(DAMAGED, "the file is larger than " + (MAX_FILE_BYTES >> 20) + " MiB");
        }
        if (file.length < MAGIC.length || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new VaultFormatException(DAMAGED, "it does not start with the pryx vault signature");
        }
        if (file.length < PREFIX_BYTES) {
            throw new VaultFormatException(DAMAGED, "the file ends inside its fixed-size prefix");
        }
        int major = file[MAGIC.length] & 0xff;
        int minor = file[MAGIC.length + 1] & 0xff;
        if (major != MAJOR) {
            throw new VaultFormatException(UNSUPPORTED_VERSION, "format version " + major + "." + minor
                    + " is not supported by this pryx (it reads " + MAJOR + "." + MINOR + ")");
        }
        long headerLength = ByteBuffer.wrap(file, MAGIC.length + 2, 4).getInt() & 0xffffffffL;
        if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
            throw new VaultFormatException(DAMAGED, "the header length " + headerLength + " is outside 2.."
                    + MAX_HEADER_BYTES);
        }
        long headerEnd = PREFIX_BYTES + headerLength;
        if (headerEnd + CHECKSUM_BYTES + AesGcm.TAG_BYTES > file.length) {
            throw new VaultFormatException(DAMAGED, "the header length points past the end of the file");
        }
        byte[] checksum = sha256(file, (int) headerEnd);
        if (!MessageDigest.isEqual(checksum, Arrays.copyOfRange(file, (int) headerEnd, (int) headerEnd + CHECKSUM_BYTES))) {
            throw new VaultFormatException(DAMAGED, "the header checksum does not match");
        }
        if (minor != MINOR) {
            // A later minor version adds header fields this reader would reject as unknown.
            throw new VaultFormatException(UNSUPPORTED_VERSION, "format version " + major + "." + minor
                    + " was written by a newer pryx (this one reads " + MAJOR + "." + MINOR + ")");
        }
        HeaderJson.Parsed header = HeaderJson.parse(file, PREFIX_BYTES, (int) headerLength);
        for (PassphraseSlot slot : header.header().slots()) {
            String violation = bounds.violation(slot.kdf());
            if (violation != null) {
                throw new VaultFormatException(DAMAGED, "slot '" + slot.id() + "' has unsafe key-derivation parameters ("
                        + violation + ")");
            }
        }
        byte[] ciphertext = Arrays.copyOfRange(file, (int) headerEnd + CHECKSUM_BYTES, file.length);
        return new ParsedFile(minor, header.header(), header.payloadSalt(), header.payloadCommitment(), checksum,
                ciphertext);
    }

    /**
     * Opens the file with a passphrase.
     *
     * @param derivedKeys slot keys already derived from THIS passphrase, keyed by KDF parameters
     *                    and salt; filled as keys are derived, so that trying backups that share a
     *                    slot does not run the KDF again. Never share one map between passphrases:
     *                    the key says nothing about which passphrase made it. The caller wipes them.
     */
    public Opened unlock(byte[] file, Secret passphrase, Map<KdfParameters, SecretBytes> derivedKeys)
            throws VaultFormatException {
        ParsedFile parsed = parse(file);
        VaultHeader header = parsed.header();
        for (PassphraseSlot slot : header.slots()) {
            if (!KdfBounds.fitsHeap(slot.kdf())) {
                throw new VaultFormatException(VaultFormatException.Problem.INSUFFICIENT_MEMORY, "key derivation needs "
                        + slot.kdf().memoryKib() / 1024 + " MiB but this JVM may use only "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB in all");
            }
            SecretBytes slotKey = derivedKeys.get(slot.kdf());
            if (slotKey == null) {
                try (SecretBytes kek = Argon2id.derive(passphrase, slot.kdf())) {
                    slotKey = Hkdf.sha256(kek.bytes(), null, SLOT_INFO, 2 * KEY_BYTES);
                }
                derivedKeys.put(slot.kdf(), slotKey);
            }
            byte[] keys = slotKey.bytes();
            if (!MessageDigest.isEqual(Arrays.copyOfRange(keys, KEY_BYTES, 2 * KEY_BYTES), slot.check())) {
                continue;
            }
            byte[] wrapKey = Arrays.copyOfRange(keys, 0, KEY_BYTES);
            SecretBytes dataKey;
            try {
                dataKey = AesGcm.decrypt(wrapKey, slot.nonce(), slotAad(header.vaultId(), slot.id()), slot.wrappedKey());
            } finally {
                Arrays.fill(wrapKey, (byte) 0);
            }
            if (dataKey == null || dataKey.length() != KEY_BYTES) {
                throw new VaultFormatException(DAMAGED, "key slot '" + slot.id() + "' does not decrypt");
            }
            try {
                // The slot gave a key that does not fit the payload: the file contradicts itself.
                SecretBytes plaintext = decryptPayload(parsed, dataKey, DAMAGED);
                return new Opened(header, parsed.checksum(), dataKey, plaintext);
            } catch (VaultFormatException e) {
                dataKey.close();
                throw e;
            }
        }
        throw new VaultFormatException(WRONG_PASSPHRASE, "the passphrase does not open any key slot");
    }

    /** Opens the file with a data key already known (another process saved since we loaded). */
    public Opened open(byte[] file, SecretBytes dataKey) throws VaultFormatException {
        ParsedFile parsed = parse(file);
        SecretBytes plaintext = decryptPayload(parsed, dataKey, VaultFormatException.Problem.WRONG_DATA_KEY);
        return new Opened(parsed.header(), parsed.checksum(), dataKey.copy(), plaintext);
    }

    /** Encrypts {@code plaintext} into a complete file under a fresh per-save subkey. */
    public byte[] write(VaultHeader header, SecretBytes dataKey, byte[] plaintext) {
        byte[] payloadSalt = randomBytes(SALT_BYTES);
        try (SecretBytes keys = Hkdf.sha256(dataKey.bytes(), payloadSalt, PAYLOAD_INFO, KEY_BYTES + AesGcm.NONCE_BYTES + KEY_BYTES)) {
            byte[] k = keys.bytes();
            byte[] commitment = Arrays.copyOfRange(k, KEY_BYTES + AesGcm.NONCE_BYTES, k.length);
            byte[] headerJson = HeaderJson.write(header, payloadSalt, commitment);
            if (headerJson.length > MAX_HEADER_BYTES) {
                throw new IllegalArgumentException("header too large: " + headerJson.length);
            }
            ByteBuffer prefix = ByteBuffer.allocate(PREFIX_BYTES + headerJson.length);
            prefix.put(MAGIC).put((byte) MAJOR).put((byte) MINOR).putInt(headerJson.length).put(headerJson);
            byte[] preamble = prefix.array();
            byte[] checksum = sha256(preamble, preamble.length);
            byte[] encKey = Arrays.copyOfRange(k, 0, KEY_BYTES);
            byte[] nonce = Arrays.copyOfRange(k, KEY_BYTES, KEY_BYTES + AesGcm.NONCE_BYTES);
            byte[] ciphertext;
            try {
                ciphertext = AesGcm.encrypt(encKey, nonce, checksum, plaintext);
            } finally {
                Arrays.fill(encKey, (byte) 0);
            }
            long total = (long) preamble.length + CHECKSUM_BYTES + ciphertext.length;
            if (total > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("the vault would exceed " + (MAX_FILE_BYTES >> 20) + " MiB");
            }
            return ByteBuffer.allocate((int) total).put(preamble).put(checksum).put(ciphertext).array();
        }
    }

    /** A new passphrase slot wrapping {@code dataKey}, with a fresh salt. */
    public PassphraseSlot newPassphraseSlot(String vaultId, String slotId, Instant now, Secret passphrase,
                                            SecretBytes dataKey, KdfParameters costs) {
        KdfParameters kdf = costs.withSalt(randomBytes(SALT_BYTES));
        try (SecretBytes kek = Argon2id.derive(passphrase, kdf);
             SecretBytes keys = Hkdf.sha256(kek.bytes(), null, SLOT_INFO, 2 * KEY_BYTES)) {
            byte[] k = keys.bytes();
            byte[] wrapKey = Arrays.copyOfRange(k, 0, KEY_BYTES);
            byte[] nonce = randomBytes(AesGcm.NONCE_BYTES);
            try {
                byte[] wrapped = AesGcm.encrypt(wrapKey, nonce, slotAad(vaultId, slotId), dataKey.bytes());
                return new PassphraseSlot(slotId, now, kdf, Arrays.copyOfRange(k, KEY_BYTES, 2 * KEY_BYTES), nonce, wrapped);
            } finally {
                Arrays.fill(wrapKey, (byte) 0);
            }
        }
    }

    public SecretBytes newDataKey() {
        return SecretBytes.adopt(randomBytes(KEY_BYTES));
    }

    /** SHA-256 of the header area of a file, or null when the file is too short to have one. */
    public static byte[] headerChecksum(byte[] file) {
        if (file.length < PREFIX_BYTES) {
            return null;
        }
        long headerLength = ByteBuffer.wrap(file, MAGIC.length + 2, 4).getInt() & 0xffffffffL;
        long end = PREFIX_BYTES + headerLength;
        return end > file.length ? null : sha256(file, (int) end);
    }

    /** @param keyMismatch how to report a data key that does not match the payload's commitment */
    private SecretBytes decryptPayload(ParsedFile parsed, SecretBytes dataKey, VaultFormatException.Problem keyMismatch)
            throws VaultFormatException {
        int length = KEY_BYTES + AesGcm.NONCE_BYTES + KEY_BYTES;
        try (SecretBytes keys = Hkdf.sha256(dataKey.bytes(), parsed.payloadSalt(), PAYLOAD_INFO, length)) {
            byte[] k = keys.bytes();
            if (!MessageDigest.isEqual(Arrays.copyOfRange(k, KEY_BYTES + AesGcm.NONCE_BYTES, length),
                    parsed.payloadCommitment())) {
                throw new VaultFormatException(keyMismatch, "the payload's key commitment does not match");
            }
            byte[] encKey = Arrays.copyOfRange(k, 0, KEY_BYTES);
            try {
                SecretBytes plaintext = AesGcm.decrypt(encKey, Arrays.copyOfRange(k, KEY_BYTES, KEY_BYTES + AesGcm.NONCE_BYTES),
                        parsed.checksum(), parsed.ciphertext());
                if (plaintext == null) {
                    throw new VaultFormatException(DAMAGED, "the encrypted payload fails authentication");
                }
                return plaintext;
            } finally {
                Arrays.fill(encKey, (byte) 0);
            }
        }
    }

    private static byte[] slotAad(String vaultId, String slotId) {
        byte[] id = (vaultId + "\0" + slotId).getBytes(StandardCharsets.UTF_8);
        byte[] aad = Arrays.copyOf(SLOT_AAD_PREFIX, SLOT_AAD_PREFIX.length + id.length);
        System.arraycopy(id, 0, aad, SLOT_AAD_PREFIX.length, id.length);
        return aad;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(data, 0, length);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
