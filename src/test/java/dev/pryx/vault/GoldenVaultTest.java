package dev.pryx.vault;

import static dev.pryx.vault.GoldenVaultWriter.ATTRIBUTES;
import static dev.pryx.vault.GoldenVaultWriter.COLLECTION;
import static dev.pryx.vault.GoldenVaultWriter.CREDENTIAL;
import static dev.pryx.vault.GoldenVaultWriter.CURRENT_KEY;
import static dev.pryx.vault.GoldenVaultWriter.CURRENT_KEY_AT;
import static dev.pryx.vault.GoldenVaultWriter.FIRST_KEY;
import static dev.pryx.vault.GoldenVaultWriter.FIRST_KEY_AT;
import static dev.pryx.vault.GoldenVaultWriter.KIND;
import static dev.pryx.vault.GoldenVaultWriter.PASSPHRASE;
import static dev.pryx.vault.GoldenVaultWriter.RECORD_ID;
import static dev.pryx.vault.GoldenVaultWriter.SECRET_PART;
import static dev.pryx.vault.GoldenVaultWriter.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pryx.support.PrivateFiles;
import dev.pryx.support.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens {@code golden-v1.pryx}, a vault written once by {@link GoldenVaultWriter} and committed,
 * with the production settings, and checks every value in it: format 1.0 cannot drift without
 * this test failing. Read the writer's class comment before changing anything here.
 */
@DisplayName("The golden vault file (format 1.0, committed)")
class GoldenVaultTest {
    private static final String RESOURCE = "golden-v1.pryx";
    /** SHA-256 of the committed file; a regenerated file fails here first, on purpose. */
    private static final String SHA256 = "da7a489cf2acc56fbc0aec374ce5dd3ad2ae0dbdd6309019ad151d7fd35c3ebf";
    private static final long SIZE = 1788;
    private static final String VAULT_ID = "75cd1659-474e-4746-80fa-25f48b7e0e49";
    private static final long GENERATION = 3;

    /** How a provider record reads back through the project's JSON conventions (snake_case). */
    record ProviderFields(String displayName, String baseUrl, String envVar, boolean enabled, int timeoutSeconds) {
    }

    /** One copy, opened once: each production-cost unlock takes a second or more. */
    @TempDir
    static Path shared;

    private static Path vaultFile;
    private static FileVault vault;

    static byte[] golden() {
        try (InputStream in = GoldenVaultTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as("test resource %s", RESOURCE).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The golden file copied into {@code dir}/vault/vault.pryx, 0700 directory and 0600 file as pryx requires. */
    static Path copyGolden(Path dir) throws IOException {
        Path vaultDir = PrivateFiles.createPrivateDirectories(dir.resolve("vault"));
        Path file = vaultDir.resolve("vault.pryx");
        Files.write(file, golden());
        if (PrivateFiles.posix()) {
            Files.setPosixFilePermissions(vaultDir, PrivateFiles.OWNER_DIR);
            Files.setPosixFilePermissions(file, PrivateFiles.OWNER_FILE);
        }
        return file;
    }

    private static Secret secret(String fake) {
        return Secret.adopt(fake.toCharArray());
    }

    @BeforeAll
    static void openOnce() throws IOException {
        vaultFile = copyGolden(shared);
        vault = FileVault.open(vaultFile, secret(PASSPHRASE), FileVault.Options.defaults());
    }

    @AfterAll
    static void close() {
        if (vault != null) {
            vault.close();
        }
    }

    @Test
    @DisplayName("is byte for byte the file GoldenVaultWriter wrote (its SHA-256 is pinned)")
    void isTheCommittedFile() {
        byte[] bytes = golden();
        assertThat(bytes).hasSize((int) SIZE);
        assertThat(sha256(bytes)).isEqualTo(SHA256);
    }

    @Nested
    @DisplayName("opened with its passphrase and the production settings")
    class Contents {
        @Test
        @DisplayName("holds one credential, rotated once, with both versions and their values")
        void credential() {
            vault.read(c -> {
                assertThat(c.credentialNames()).containsExactly(CREDENTIAL);
                List<CredentialVersion> versions = c.credentialVersions(CREDENTIAL);
                assertThat(versions).hasSize(2);
                checkVersion(versions.get(0), 1, FIRST_KEY_AT, FIRST_KEY);
                checkVersion(versions.get(1), 2, CURRENT_KEY_AT, CURRENT_KEY);
                assertThat(c.credential(CREDENTIAL)).get().extracting(CredentialVersion::version).isEqualTo(2);
                return null;
            });
        }

        private void checkVersion(CredentialVersion v, int number, Instant createdAt, String key) {
            assertThat(v.version()).isEqualTo(number);
            assertThat(v.kind()).isEqualTo(KIND);
            assertThat(v.createdAt()).isEqualTo(createdAt);
            assertThat(v.attributes()).isEqualTo(ATTRIBUTES);
            assertThat(v.secrets()).containsOnlyKeys(SECRET_PART);
            assertThat(v.secret(SECRET_PART)).get().extracting(Secret::chars).isEqualTo(key.toCharArray());
        }

        @Test
        @DisplayName("holds the provider record with its plain fields, as stored and as a typed record")
        void providerRecord() {
            vault.read(c -> {
                assertThat(c.collections()).containsExactly(COLLECTION);
                JsonNode stored = c.record(COLLECTION, RECORD_ID, JsonNode.class).orElseThrow();
                assertThat(stored).isEqualTo(new ObjectMapper().valueToTree(GoldenVaultWriter.providerRecord()));
                assertThat(fieldNames(stored)).containsExactly("display_name", "base_url", "env_var", "enabled",
                        "timeout_seconds");
                assertThat(c.records(COLLECTION, ProviderFields.class)).containsExactly(Map.entry(RECORD_ID,
                        new ProviderFields("OpenAI", "https://api.openai.com/v1", "OPENAI_API_KEY", true, 30)));
                return null;
            });
        }

        @Test
        @DisplayName("is at generation 3: created, then two saves")
        void generation() {
            assertThat(vault.generation()).isEqualTo(GENERATION);
        }
    }

    @Test
    @DisplayName("its header, read without the passphrase, says format 1.0, one Argon2id slot at 64 MiB, 3 passes, 4 lanes")
    void header() {
        VaultStatus status = FileVault.inspect(vaultFile, FileVault.Options.defaults());
        assertThat(status.problem()).isNull();
        assertThat(status.formatVersion()).isEqualTo("1.0");
        assertThat(status.vaultId()).isEqualTo(VAULT_ID);
        assertThat(status.generation()).isEqualTo(GENERATION);
        assertThat(status.createdAt()).isEqualTo(GoldenVaultWriter.CLOCK);
        assertThat(status.savedAt()).isEqualTo(GoldenVaultWriter.CLOCK);
        assertThat(status.sizeBytes()).isEqualTo(SIZE);
        assertThat(status.backups()).isEmpty();
        assertThat(status.slots()).containsExactly(new VaultStatus.Slot("passphrase", "passphrase",
                GoldenVaultWriter.CLOCK, "argon2id", 65536, 3, 4));
    }

    /**
     * The layout checked byte by byte without the codec, so that a change to the codec that also
     * changed its reading of old files (and so still opened them) is caught too.
     */
    @Test
    @DisplayName("its bytes follow the documented layout: magic, 1, 0, header length, strict JSON header, SHA-256, payload")
    void rawLayout() throws IOException {
        byte[] file = golden();
        assertThat(Arrays.copyOf(file, 8)).isEqualTo(new byte[] {(byte) 0x89, 'P', 'R', 'Y', 'X', 'V', '\r', '\n'});
        assertThat(file[8]).as("major").isEqualTo((byte) 1);
        assertThat(file[9]).as("minor").isEqualTo((byte) 0);
        int headerLength = ByteBuffer.wrap(file, 10, 4).getInt();
        int headerEnd = 14 + headerLength;
        assertThat(headerLength).isEqualTo(702);
        assertThat(sha256(Arrays.copyOf(file, headerEnd)))
                .isEqualTo(HexFormat.of().formatHex(file, headerEnd, headerEnd + 32));
        int payloadBytes = file.length - headerEnd - 32;
        // The padded plaintext is a multiple of 1 KiB; GCM adds a 16-byte tag.
        assertThat(payloadBytes).isEqualTo(1024 + 16);

        JsonNode header = new ObjectMapper().readTree(new String(file, 14, headerLength, StandardCharsets.UTF_8));
        assertThat(fieldNames(header)).containsExactly("vault_id", "generation", "created_at", "saved_at", "payload",
                "slots");
        assertThat(header.get("vault_id").asText()).isEqualTo(VAULT_ID);
        assertThat(header.get("generation").asLong()).isEqualTo(GENERATION);
        JsonNode payload = header.get("payload");
        assertThat(fieldNames(payload)).containsExactly("cipher", "kdf", "salt", "commitment");
        assertThat(payload.get("cipher").asText()).isEqualTo("AES-256-GCM");
        assertThat(payload.get("kdf").asText()).isEqualTo("HKDF-SHA256");
        assertThat(header.get("slots")).hasSize(1);
        JsonNode slot = header.get("slots").get(0);
        assertThat(fieldNames(slot)).containsExactly("type", "id", "created_at", "kdf", "check", "nonce", "wrapped_key");
        assertThat(slot.get("type").asText()).isEqualTo("passphrase");
        JsonNode kdf = slot.get("kdf");
        assertThat(fieldNames(kdf)).containsExactly("algorithm", "version", "memory_kib", "iterations", "parallelism",
                "salt");
        assertThat(kdf.get("algorithm").asText()).isEqualTo("argon2id");
        assertThat(kdf.get("version").asInt()).isEqualTo(0x13);
        assertThat(List.of(kdf.get("memory_kib").asInt(), kdf.get("iterations").asInt(), kdf.get("parallelism").asInt()))
                .containsExactly(65536, 3, 4);
        assertThat(Base64.getDecoder().decode(kdf.get("salt").asText())).hasSize(32);
        assertThat(Base64.getDecoder().decode(slot.get("nonce").asText())).hasSize(12);
        assertThat(Base64.getDecoder().decode(slot.get("wrapped_key").asText())).hasSize(48);
    }

    @Test
    @DisplayName("a wrong passphrase is refused as a wrong passphrase, and the file is left as it was")
    void wrongPassphrase(@TempDir Path dir) throws IOException {
        Path file = copyGolden(dir);
        assertThatThrownBy(() -> FileVault.open(file, secret("golden-vault-passphrase-v2"), FileVault.Options.defaults()))
                .isInstanceOf(VaultException.WrongPassphrase.class)
                .hasMessageNotContaining("golden-vault-passphrase");
        assertThat(sha256(Files.readAllBytes(file))).isEqualTo(SHA256);
    }

    @Test
    @DisplayName("this build saves over it, and the result opens again with every old value and the new one")
    void savesOverIt(@TempDir Path dir) throws IOException {
        Path file = copyGolden(dir);
        FileVault.Options options = FileVault.Options.defaults();
        try (FileVault opened = FileVault.open(file, secret(PASSPHRASE), options)) {
            opened.update(c -> {
                c.putRecord(COLLECTION, "anthropic", Map.of("display_name", "Anthropic"));
                return null;
            });
        }
        assertThat(FileVault.backups(file)).extracting(VaultStatus.Backup::generation).containsExactly(GENERATION);
        assertThat(sha256(Files.readAllBytes(FileVault.backups(file).get(0).path()))).isEqualTo(SHA256);
        try (FileVault reopened = FileVault.open(file, secret(PASSPHRASE), options)) {
            assertThat(reopened.generation()).isEqualTo(GENERATION + 1);
            reopened.read(c -> {
                assertThat(c.credentialVersions(CREDENTIAL)).hasSize(2);
                assertThat(c.credential(CREDENTIAL).orElseThrow().secret(SECRET_PART)).get()
                        .extracting(Secret::chars).isEqualTo(CURRENT_KEY.toCharArray());
                assertThat(c.records(COLLECTION, JsonNode.class)).containsOnlyKeys("anthropic", RECORD_ID);
                return null;
            });
        }
        assertThat(FileVault.inspect(file, options).formatVersion()).isEqualTo("1.0");
    }

    private static List<String> fieldNames(JsonNode node) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            assertThat(seen.add(name)).as("field %s appears once", name).isTrue();
            names.add(name);
        }
        return names;
    }
}
