package dev.pryx.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.driver.FuzzedDataProviderImpl;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pryx.support.PrivateFiles;
import dev.pryx.support.Secret;
import dev.pryx.vault.v1.FuzzCorpus;
import dev.pryx.vault.v1.VaultFileEdits;
import dev.pryx.vault.v1.V1Codec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jazzer fuzz targets for {@link FileVault#open}: bytes on disk, a fixed passphrase and
 * {@link FileVault.Options#cheapForTests()}. The file sits 0600 in a 0700 directory, so the only
 * acceptable outcomes are an open vault, {@link VaultException.Damaged},
 * {@link VaultException.Unsupported} or {@link VaultException.WrongPassphrase}; any other
 * exception (including the other {@code VaultException} kinds) is a finding.
 *
 * <p>Three ways in, from shallow to deep: arbitrary bytes (stopped early by the checksum), a valid
 * tiny vault edited by the fuzzer with the checksum recomputed (reaches the slots and the KDF),
 * and a fuzzed payload encrypted under the vault's real data key (reaches the payload reader).
 * Without {@code JAZZER_FUZZ} they run over the seeds in
 * {@code src/test/resources/dev/pryx/vault/VaultOpenFuzzTestInputs/<method>/}; see
 * {@code docs/fuzzing.md}.
 */
@DisplayName("Opening a vault file under fuzzing")
class VaultOpenFuzzTest {
    private static final int MAX_INPUT_BYTES = 256 * 1024;
    private static final int PREFIX_BYTES = V1Codec.MAGIC.length + 2 + 4;
    private static final int CHECKSUM_BYTES = 32;
    private static final byte[] PASSPHRASE_BYTES = FuzzCorpus.PASSPHRASE.getBytes(StandardCharsets.UTF_8);
    private static final FuzzCorpus.TinyVault TINY = FuzzCorpus.tinyVault();
    private static final byte[] VALID = FuzzCorpus.validTinyVaultFile();

    private enum Outcome { OPENED, DAMAGED, UNSUPPORTED, WRONG_PASSPHRASE }

    @TempDir
    Path temp;

    /** Arbitrary bytes as the vault file. */
    @FuzzTest(maxDuration = "5m")
    void openArbitraryFile(byte[] file) throws IOException {
        if (file.length > MAX_INPUT_BYTES) {
            return;
        }
        Outcome outcome = open(file);
        if (Arrays.equals(file, VALID)) {
            assertThat(outcome).isEqualTo(Outcome.OPENED);
        }
    }

    /**
     * The valid tiny vault, edited: the fuzzer picks which part (prefix, header, checksum,
     * payload), which edit (set, insert, delete, truncate) and where, and whether the header
     * length and the checksum are recomputed afterwards. No input decodes to an edit script
     * that opens unless it leaves the file unchanged, and an edit of the payload alone is always
     * reported as damage.
     */
    @FuzzTest(maxDuration = "5m")
    void openMutatedVault(FuzzedDataProvider data) throws IOException {
        byte[] file = mutate(VALID, data);
        Outcome outcome = open(file);
        if (Arrays.equals(file, VALID)) {
            assertThat(outcome).as("the unedited vault").isEqualTo(Outcome.OPENED);
            return;
        }
        assertThat(outcome).as("an edited vault").isNotEqualTo(Outcome.OPENED);
        int sealed = PREFIX_BYTES + VaultFileEdits.headerOf(VALID).length + CHECKSUM_BYTES;
        if (file.length >= sealed && Arrays.equals(file, 0, sealed, VALID, 0, sealed)) {
            assertThat(outcome).as("a vault whose payload alone was edited").isEqualTo(Outcome.DAMAGED);
        }
    }

    /**
     * Arbitrary payload plaintext, encrypted under the tiny vault's own data key, so it
     * authenticates and reaches the payload reader. Whatever the reader accepts must survive the
     * writer: written and read back, it is written the same way again.
     */
    @FuzzTest(maxDuration = "5m")
    void openFuzzedPayload(byte[] plaintext) throws IOException {
        if (plaintext.length > MAX_INPUT_BYTES) {
            return;
        }
        Outcome outcome = open(TINY.withPayload(plaintext));
        assertThat(outcome).as("the right passphrase").isNotEqualTo(Outcome.WRONG_PASSPHRASE);
    }

    // ---- the harness checks itself -------------------------------------------------------------

    @Test
    @DisplayName("the valid tiny vault opens through the harness and holds its test key")
    void validTinyVaultOpens() throws IOException {
        Path file = writeVaultFile(VALID);
        try (Secret passphrase = Secret.adopt(FuzzCorpus.PASSPHRASE.toCharArray());
             FileVault vault = FileVault.open(file, passphrase, FileVault.Options.cheapForTests())) {
            String key = vault.read(c -> new String(c.credential("openai").orElseThrow().secret("key").orElseThrow().chars()));
            assertThat(key).isEqualTo(FuzzCorpus.TEST_KEY);
        }
    }

    @Test
    @DisplayName("the payload target reaches the payload reader: a newer schema is unsupported, junk is damage")
    void payloadTargetReachesTheReader() throws IOException {
        assertThat(open(TINY.withPayload("{\"schema\":1}".getBytes(StandardCharsets.UTF_8)))).isEqualTo(Outcome.OPENED);
        assertThat(open(TINY.withPayload("{\"schema\":2}".getBytes(StandardCharsets.UTF_8)))).isEqualTo(Outcome.UNSUPPORTED);
        assertThat(open(TINY.withPayload("[]".getBytes(StandardCharsets.UTF_8)))).isEqualTo(Outcome.DAMAGED);
    }

    @Test
    @DisplayName("the harness tells a wrong passphrase and a flipped payload byte apart")
    void harnessClassifiesOutcomes() throws IOException {
        byte[] flipped = VALID.clone();
        flipped[flipped.length - 1] ^= 1;
        assertThat(open(flipped)).isEqualTo(Outcome.DAMAGED);
        try (Secret other = Secret.adopt(FuzzCorpus.OTHER_PASSPHRASE.toCharArray())) {
            assertThat(openWith(VALID, other)).isEqualTo(Outcome.WRONG_PASSPHRASE);
        }
    }

    @Test
    @DisplayName("the committed edit scripts still get past the checksum to the outcomes they were kept for")
    void editScriptsReachTheirOutcomes() throws IOException {
        List<FuzzCorpus.Seed> scripts = FuzzCorpus.seeds().stream()
                .filter(s -> s.directory().equals(FuzzCorpus.OPEN_MUTATED) && s.expected() != null).toList();
        assertThat(scripts).hasSize(FuzzCorpus.EDITS_WRONG_PASSPHRASE.size() + FuzzCorpus.EDITS_UNSUPPORTED.size());
        for (FuzzCorpus.Seed script : scripts) {
            // The decoder Jazzer's own regression runs use for FuzzedDataProvider seeds.
            try (FuzzedDataProviderImpl data = FuzzedDataProviderImpl.withJavaData(script.bytes())) {
                byte[] file = mutate(VALID, data);
                Outcome expected = switch (script.expected()) {
                    case WRONG_PASSPHRASE -> Outcome.WRONG_PASSPHRASE;
                    case UNSUPPORTED_VERSION -> Outcome.UNSUPPORTED;
                    default -> Outcome.DAMAGED;
                };
                assertThat(open(file)).as(script.name()).isEqualTo(expected);
            }
        }
    }

    // ---- harness -----------------------------------------------------------------------------

    private Outcome open(byte[] bytes) throws IOException {
        try (Secret passphrase = Secret.adopt(FuzzCorpus.PASSPHRASE.toCharArray())) {
            return openWith(bytes, passphrase);
        }
    }

    private Outcome openWith(byte[] bytes, Secret passphrase) throws IOException {
        Path file = writeVaultFile(bytes);
        try (FileVault vault = FileVault.open(file, passphrase, FileVault.Options.cheapForTests())) {
            vault.read(VaultOpenFuzzTest::exercise);
            return Outcome.OPENED;
        } catch (VaultException.Damaged e) {
            checkMessage(e, bytes);
            assertThat(e.backupOpens()).as("there are no backups to open").isFalse();
            return Outcome.DAMAGED;
        } catch (VaultException.Unsupported e) {
            checkMessage(e, bytes);
            return Outcome.UNSUPPORTED;
        } catch (VaultException.WrongPassphrase e) {
            checkMessage(e, bytes);
            return Outcome.WRONG_PASSPHRASE;
        }
    }

    /** The file, 0600, alone in a 0700 directory (a fresh file for every execution). */
    private Path writeVaultFile(byte[] bytes) throws IOException {
        Path dir = PrivateFiles.createPrivateDirectories(temp.resolve("vault"));
        Path file = dir.resolve("vault.pryx");
        Files.deleteIfExists(file);
        Files.createFile(file, PrivateFiles.ownerOnlyFile());
        Files.write(file, bytes);
        return file;
    }

    private static void checkMessage(VaultException e, byte[] input) {
        assertThat(e.getMessage()).isNotBlank();
        // The passphrase is never echoed, unless the input itself carried its text.
        if (FuzzCorpus.indexOf(input, PASSPHRASE_BYTES) < 0) {
            assertThat(e.getMessage()).doesNotContain(FuzzCorpus.PASSPHRASE);
        }
    }

    /** Touches everything an opened vault offers, then checks that the payload writer round-trips it. */
    private static Void exercise(VaultContents contents) {
        for (String name : contents.credentialNames()) {
            for (CredentialVersion version : contents.credentialVersions(name)) {
                assertThat(version.toString()).doesNotContain(FuzzCorpus.TEST_KEY);
                version.secrets().values().forEach(Secret::length);
            }
            contents.credential(name);
        }
        for (String collection : contents.collections()) {
            contents.records(collection, JsonNode.class);
        }
        byte[] written = PayloadCodec.write(contents);
        try (VaultContents reread = PayloadCodec.read(written)) {
            byte[] again = PayloadCodec.write(reread);
            assertThat(again).as("payload written, read and written again").isEqualTo(written);
        } catch (PayloadCodec.PayloadException e) {
            throw new AssertionError("the payload writer produced what its reader refuses: " + e.getMessage(), e);
        } finally {
            Arrays.fill(written, (byte) 0);
        }
        return null;
    }

    /**
     * Applies a fuzzer-chosen edit script to the parts of {@code base}. With no input left, every
     * choice is zero or false, so the empty input yields the file unchanged.
     */
    private static byte[] mutate(byte[] base, FuzzedDataProvider data) {
        int headerLength = VaultFileEdits.headerOf(base).length;
        int headerEnd = PREFIX_BYTES + headerLength;
        List<byte[]> parts = new ArrayList<>(List.of(
                Arrays.copyOfRange(base, 0, PREFIX_BYTES),
                Arrays.copyOfRange(base, PREFIX_BYTES, headerEnd),
                Arrays.copyOfRange(base, headerEnd, headerEnd + CHECKSUM_BYTES),
                Arrays.copyOfRange(base, headerEnd + CHECKSUM_BYTES, base.length)));
        int edits = data.consumeInt(0, 8);
        for (int i = 0; i < edits; i++) {
            int which = data.consumeInt(0, parts.size() - 1);
            parts.set(which, edit(parts.get(which), data));
        }
        boolean staleLength = data.consumeBoolean();
        boolean staleChecksum = data.consumeBoolean();
        byte[] prefix = parts.get(0);
        byte[] header = parts.get(1);
        if (!staleLength && prefix.length == PREFIX_BYTES) {
            ByteBuffer.wrap(prefix, V1Codec.MAGIC.length + 2, 4).putInt(header.length);
        }
        byte[] file = concat(parts);
        return staleChecksum ? file : VaultFileEdits.reseal(file);
    }

    private static byte[] edit(byte[] part, FuzzedDataProvider data) {
        int op = data.consumeInt(0, 3);
        switch (op) {
            case 0: {
                if (part.length == 0) {
                    return part;
                }
                byte[] out = part.clone();
                out[data.consumeInt(0, part.length - 1)] = data.consumeByte();
                return out;
            }
            case 1: {
                int at = data.consumeInt(0, part.length);
                byte[] inserted = data.consumeBytes(data.consumeInt(1, 64));
                byte[] out = new byte[part.length + inserted.length];
                System.arraycopy(part, 0, out, 0, at);
                System.arraycopy(inserted, 0, out, at, inserted.length);
                System.arraycopy(part, at, out, at + inserted.length, part.length - at);
                return out;
            }
            case 2: {
                int from = data.consumeInt(0, part.length);
                int to = data.consumeInt(from, part.length);
                byte[] out = new byte[part.length - (to - from)];
                System.arraycopy(part, 0, out, 0, from);
                System.arraycopy(part, to, out, from, part.length - to);
                return out;
            }
            default:
                return Arrays.copyOf(part, data.consumeInt(0, part.length));
        }
    }

    private static byte[] concat(List<byte[]> parts) {
        int total = 0;
        for (byte[] p : parts) {
            total += p.length;
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

}
