package dev.pryx.vault.v1;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

/**
 * Jazzer fuzz targets for {@link V1Codec#parse}, the code that reads a vault file before any key
 * is derived: its input is whatever is on disk, so it must refuse anything with a
 * {@link VaultFormatException} and never fail in any other way (no NullPointerException, index or
 * number-format error, no allocation sized by a length field).
 *
 * <p>Without {@code JAZZER_FUZZ} these run as regression tests over the seeds in
 * {@code src/test/resources/dev/pryx/vault/v1/VaultHeaderFuzzTestInputs/<method>/} (made by
 * {@link FuzzCorpus}) plus an empty input. See {@code docs/fuzzing.md} for fuzzing them.
 */
@DisplayName("Vault header parser under fuzzing")
class VaultHeaderFuzzTest {
    /** Larger than any file parse accepts in full (a 64 KiB header plus checksum and some payload). */
    private static final int MAX_INPUT_BYTES = V1Codec.MAX_HEADER_BYTES + 4096;

    private final V1Codec codec = new V1Codec(KdfBounds.relaxedForTests(), new SecureRandom());

    /**
     * Arbitrary bytes as a whole file. Seeds cover each check in the order parse makes them, so
     * the fuzzer starts from every branch; it cannot forge the SHA-256 checksum, which is why the
     * next target exists.
     */
    @FuzzTest(maxDuration = "5m")
    void parseArbitraryBytes(byte[] file) {
        if (file.length > MAX_INPUT_BYTES) {
            return;
        }
        checkParse(file);
    }

    /**
     * Arbitrary bytes as the header JSON, wrapped in a 1.0 prefix with the right length and a
     * correct checksum, so every input reaches the strict JSON reader and the KDF bounds.
     */
    @FuzzTest(maxDuration = "5m")
    void parseResealedHeader(byte[] headerJson) {
        if (headerJson.length > V1Codec.MAX_HEADER_BYTES + 16) {
            return;
        }
        checkParse(VaultFileEdits.minimalFile(headerJson));
    }

    /** The oracle: a VaultFormatException of the kinds parse may raise, or a header that makes sense. */
    private void checkParse(byte[] file) {
        byte[] before = file.clone();
        V1Codec.ParsedFile parsed;
        try {
            parsed = codec.parse(file);
        } catch (VaultFormatException e) {
            // Deciding about a passphrase is unlock's business, never parse's.
            assertThat(e.problem()).isNotEqualTo(VaultFormatException.Problem.WRONG_PASSPHRASE);
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        assertThat(file).as("parse must not modify its input").isEqualTo(before);
        checkAccepted(file, parsed);
    }

    /**
     * What parse accepted is a header the rest of the code can rely on, and the writer and the
     * reader agree about it: written back out and read again, it means the same.
     */
    private void checkAccepted(byte[] file, V1Codec.ParsedFile parsed) {
        VaultHeader header = parsed.header();
        assertThat(parsed.minor()).isEqualTo(V1Codec.MINOR);
        assertThat(header.slots()).isNotEmpty();
        for (PassphraseSlot slot : header.slots()) {
            assertThat(KdfBounds.relaxedForTests().violation(slot.kdf())).as("accepted KDF parameters").isNull();
        }
        assertThat(parsed.payloadSalt()).hasSize(V1Codec.SALT_BYTES);
        assertThat(parsed.payloadCommitment()).hasSize(V1Codec.KEY_BYTES);
        assertThat(parsed.checksum()).isEqualTo(V1Codec.sha256(file, file.length - parsed.ciphertext().length
                - V1Codec.CHECKSUM_BYTES));
        assertThat(parsed.ciphertext().length).isGreaterThanOrEqualTo(AesGcm.TAG_BYTES);

        byte[] rewritten = HeaderJson.write(header, parsed.payloadSalt(), parsed.payloadCommitment());
        HeaderJson.Parsed again;
        try {
            again = HeaderJson.parse(rewritten, 0, rewritten.length);
        } catch (VaultFormatException e) {
            throw new AssertionError("an accepted header, written back, no longer parses: " + e.getMessage(), e);
        }
        assertSameHeader(again.header(), header);
        assertThat(again.payloadSalt()).isEqualTo(parsed.payloadSalt());
        assertThat(again.payloadCommitment()).isEqualTo(parsed.payloadCommitment());
    }

    private static void assertSameHeader(VaultHeader actual, VaultHeader expected) {
        assertThat(actual.vaultId()).isEqualTo(expected.vaultId());
        assertThat(actual.generation()).isEqualTo(expected.generation());
        assertThat(actual.createdAt()).isEqualTo(expected.createdAt());
        assertThat(actual.savedAt()).isEqualTo(expected.savedAt());
        List<PassphraseSlot> a = actual.slots();
        List<PassphraseSlot> e = expected.slots();
        assertThat(a).hasSameSizeAs(e);
        for (int i = 0; i < a.size(); i++) {
            PassphraseSlot x = a.get(i);
            PassphraseSlot y = e.get(i);
            assertThat(x.id()).isEqualTo(y.id());
            assertThat(x.createdAt()).isEqualTo(y.createdAt());
            assertThat(x.kdf()).isEqualTo(y.kdf());
            assertThat(Arrays.equals(x.check(), y.check())).isTrue();
            assertThat(Arrays.equals(x.nonce(), y.nonce())).isTrue();
            assertThat(Arrays.equals(x.wrappedKey(), y.wrappedKey())).isTrue();
        }
    }
}
