package dev.pryx.vault.v1;

import static dev.pryx.vault.v1.VaultFormatException.Problem.DAMAGED;
import static dev.pryx.vault.v1.VaultFormatException.Problem.UNSUPPORTED_VERSION;
import static dev.pryx.vault.v1.VaultFormatException.Problem.WRONG_PASSPHRASE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.pryx.support.Secret;
import dev.pryx.support.SecretBytes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the v1 codec over many seeded random vaults: what is written reads back, and no
 * single-byte change anywhere in a file goes unnoticed. Tiny Argon2 costs (relaxed bounds) keep
 * thousands of attempts within a few seconds; the seeds are fixed, so a failure repeats.
 */
@DisplayName("V1Codec properties over seeded random vaults")
class V1CodecPropertyTest {
    /** 8 KiB, one pass, one lane: the least {@link KdfBounds#relaxedForTests()} accepts. */
    private static final KdfParameters TINY = KdfParameters.costs(8, 1, 1);
    private static final int MAJOR_VERSION_AT = V1Codec.MAGIC.length;

    static LongStream seeds() {
        return LongStream.of(1, 2, 3, 5, 8, 13, 21, 34);
    }

    /** A SecureRandom that is not: a fixed seed gives the same bytes every run, so a failure repeats. */
    static final class SeededRandom extends SecureRandom {
        private static final long serialVersionUID = 1L;
        private final Random source;

        SeededRandom(long seed) {
            this.source = new Random(seed);
        }

        @Override
        public void nextBytes(byte[] bytes) {
            source.nextBytes(bytes);
        }
    }

    /** One random vault: its inputs and the bytes the codec wrote for them. */
    record Sample(Secret passphrase, SecretBytes dataKey, VaultHeader header, byte[] payload, byte[] file) {
    }

    private static Sample sample(V1Codec codec, Random random, int payloadLength) {
        char[] text = new char[1 + random.nextInt(40)];
        for (int i = 0; i < text.length; i++) {
            // Printable ASCII, Latin-1 and a few other planes' letters: the passphrase goes in as UTF-8.
            text[i] = switch (random.nextInt(3)) {
                case 0 -> (char) (0x20 + random.nextInt(0x5f));
                case 1 -> (char) (0xa1 + random.nextInt(0x5e));
                default -> (char) (0x3041 + random.nextInt(0x50));
            };
        }
        Secret passphrase = Secret.adopt(text);
        SecretBytes dataKey = codec.newDataKey();
        String vaultId = new UUID(random.nextLong(), random.nextLong()).toString();
        Instant created = Instant.ofEpochSecond(1_600_000_000L + random.nextInt(200_000_000));
        Instant saved = created.plusSeconds(random.nextInt(1_000_000));
        PassphraseSlot slot = codec.newPassphraseSlot(vaultId, "passphrase", created, passphrase, dataKey, TINY);
        VaultHeader header = new VaultHeader(vaultId, 1 + random.nextInt(Integer.MAX_VALUE), created, saved, List.of(slot));
        byte[] payload = new byte[payloadLength];
        random.nextBytes(payload);
        return new Sample(passphrase, dataKey, header, payload, codec.write(header, dataKey, payload));
    }

    private static void assertSameHeader(VaultHeader actual, VaultHeader expected) {
        assertThat(actual.vaultId()).isEqualTo(expected.vaultId());
        assertThat(actual.generation()).isEqualTo(expected.generation());
        assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
        assertThat(actual.savedAt()).isEqualTo(expected.savedAt());
        assertThat(actual.slots()).hasSameSizeAs(expected.slots());
        for (int i = 0; i < expected.slots().size(); i++) {
            PassphraseSlot a = actual.slots().get(i);
            PassphraseSlot e = expected.slots().get(i);
            assertThat(a.id()).isEqualTo(e.id());
            assertThat(a.createdAt()).isEqualTo(e.createdAt());
            assertThat(a.kdf()).isEqualTo(e.kdf());
            assertThat(a.check()).isEqualTo(e.check());
            assertThat(a.nonce()).isEqualTo(e.nonce());
            assertThat(a.wrappedKey()).isEqualTo(e.wrappedKey());
        }
    }

    private static void close(Map<KdfParameters, SecretBytes> derived) {
        derived.values().forEach(SecretBytes::close);
    }

    private static void close(V1Codec.Opened opened) {
        opened.dataKey().close();
        opened.plaintext().close();
    }

    /** Where the encrypted payload starts: after prefix, header and checksum. */
    private static int ciphertextStart(byte[] file) {
        return VaultFileEdits.payloadStart(file);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("random payloads, empty to 64 KiB, round-trip through write, unlock and open")
    void roundTrip(long seed) throws VaultFormatException {
        SeededRandom random = new SeededRandom(seed);
        V1Codec codec = new V1Codec(KdfBounds.relaxedForTests(), random);
        int[] lengths = {0, 1, 15, 16, 17, random.nextInt(1024), random.nextInt(64 * 1024)};
        for (int length : lengths) {
            Sample s = sample(codec, random, length);
            Map<KdfParameters, SecretBytes> derived = new HashMap<>();
            try {
                V1Codec.Opened unlocked = codec.unlock(s.file(), s.passphrase(), derived);
                try {
                    assertThat(unlocked.plaintext().bytes()).as("payload of %d bytes", length).isEqualTo(s.payload());
                    assertThat(unlocked.dataKey().sameAs(s.dataKey())).isTrue();
                    assertSameHeader(unlocked.header(), s.header());
                    assertThat(unlocked.checksum()).isEqualTo(V1Codec.headerChecksum(s.file()));
                } finally {
                    close(unlocked);
                }

                V1Codec.Opened opened = codec.open(s.file(), s.dataKey());
                try {
                    assertThat(opened.plaintext().bytes()).isEqualTo(s.payload());
                    assertSameHeader(opened.header(), s.header());
                } finally {
                    close(opened);
                }

                // Each save draws a fresh payload salt, so the same content never reuses key and nonce.
                byte[] again = codec.write(s.header(), s.dataKey(), s.payload());
                assertThat(again).isNotEqualTo(s.file());
                assertThat(codec.parse(again).payloadSalt()).isNotEqualTo(codec.parse(s.file()).payloadSalt());
                V1Codec.Opened reopened = codec.open(again, s.dataKey());
                try {
                    assertThat(reopened.plaintext().bytes()).isEqualTo(s.payload());
                } finally {
                    close(reopened);
                }
            } finally {
                close(derived);
                s.passphrase().close();
                s.dataKey().close();
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("every single-byte change anywhere in a small file is refused: damaged, or unsupported in the major version byte")
    void everySingleByteChangeIsDetected(long seed) {
        SeededRandom random = new SeededRandom(seed);
        V1Codec codec = new V1Codec(KdfBounds.relaxedForTests(), random);
        Sample s = sample(codec, random, random.nextInt(48));
        byte[] file = s.file();
        int ciphertextAt = ciphertextStart(file);
        // The first seed tries all 255 changes of every byte; the others every bit flip, 0xff and a
        // random change, and also check that damage before the payload is caught by parse alone.
        boolean exhaustive = seed == 1;
        Map<KdfParameters, SecretBytes> derived = new HashMap<>();
        int tried = 0;
        try {
            for (int pos = 0; pos < file.length; pos++) {
                int[] deltas = exhaustive ? allDeltas() : someDeltas(random);
                for (int delta : deltas) {
                    byte[] changed = file.clone();
                    changed[pos] ^= (byte) delta;
                    VaultFormatException.Problem expected = pos == MAJOR_VERSION_AT ? UNSUPPORTED_VERSION : DAMAGED;
                    if (!exhaustive && pos < ciphertextAt) {
                        // Damage before the payload is found by parse alone: no key is derived for it.
                        assertRefused(() -> codec.parse(changed), expected, "parse", pos, delta);
                    }
                    assertRefused(() -> close(codec.unlock(changed, s.passphrase(), derived)), expected, "unlock", pos, delta);
                    tried++;
                }
            }
        } finally {
            close(derived);
            s.passphrase().close();
            s.dataKey().close();
        }
        assertThat(tried).isGreaterThanOrEqualTo(file.length * 10);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("every truncation and any trailing bytes are refused as damage")
    void truncationAndTrailingBytes(long seed) {
        SeededRandom random = new SeededRandom(seed);
        V1Codec codec = new V1Codec(KdfBounds.relaxedForTests(), random);
        Sample s = sample(codec, random, random.nextInt(48));
        byte[] file = s.file();
        Map<KdfParameters, SecretBytes> derived = new HashMap<>();
        try {
            for (int length = 0; length < file.length; length++) {
                byte[] cut = Arrays.copyOf(file, length);
                assertRefused(() -> close(codec.unlock(cut, s.passphrase(), derived)), DAMAGED, "unlock truncated", length, 0);
            }
            for (int extra = 1; extra <= 64; extra++) {
                byte[] longer = Arrays.copyOf(file, file.length + extra);
                random.nextBytes(longer);
                System.arraycopy(file, 0, longer, 0, file.length);
                assertRefused(() -> close(codec.unlock(longer, s.passphrase(), derived)), DAMAGED, "unlock extended", file.length,
                        extra);
            }
        } finally {
            close(derived);
            s.passphrase().close();
            s.dataKey().close();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    @DisplayName("a different passphrase is told apart from damage")
    void wrongPassphrase(long seed) {
        SeededRandom random = new SeededRandom(seed);
        V1Codec codec = new V1Codec(KdfBounds.relaxedForTests(), random);
        Sample s = sample(codec, random, random.nextInt(256));
        Sample other = sample(codec, random, 0);
        // A fresh cache: the cache is keyed by KDF parameters only, so it must never mix passphrases.
        Map<KdfParameters, SecretBytes> derived = new HashMap<>();
        try {
            assertThat(other.passphrase().sameAs(s.passphrase())).isFalse();
            assertRefused(() -> close(codec.unlock(s.file(), other.passphrase(), derived)), WRONG_PASSPHRASE,
                    "unlock", -1, 0);
        } finally {
            close(derived);
            s.passphrase().close();
            s.dataKey().close();
            other.passphrase().close();
            other.dataKey().close();
        }
    }

    private static int[] allDeltas() {
        int[] d = new int[255];
        for (int i = 0; i < d.length; i++) {
            d[i] = i + 1;
        }
        return d;
    }

    private static int[] someDeltas(Random random) {
        return new int[] {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xff, 1 + random.nextInt(255)};
    }

    /** An action on vault bytes that may throw the codec's checked exception. */
    @FunctionalInterface
    interface CodecCall {
        void run() throws VaultFormatException;
    }

    private static void assertRefused(CodecCall call, VaultFormatException.Problem expected, String what, int pos, int delta) {
        try {
            call.run();
        } catch (VaultFormatException e) {
            if (e.problem() != expected) {
                fail("%s with byte %d xor 0x%02x: %s (%s), expected %s", what, pos, delta, e.problem(), e.detail(), expected);
            }
            return;
        } catch (RuntimeException e) {
            throw new AssertionError(what + " with byte " + pos + " xor " + delta + " threw " + e + " instead of "
                    + "VaultFormatException", e);
        }
        fail("%s with byte %d xor 0x%02x was accepted", what, pos, delta);
    }
}
