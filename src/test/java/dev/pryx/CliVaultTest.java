package dev.pryx;

import static dev.pryx.TestFiles.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pryx.vault.FileVault;
import dev.pryx.vault.v1.VaultFileEdits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code pryx vault} verbs as a script sees them: exit codes, stdout, stderr, files. */
@DisplayName("pryx vault (CLI)")
class CliVaultTest {
    @TempDir
    Path home;
    Path vaultFile;

    record Result(int exit, String out, String err) {
        /** Errors are one or two plain sentences: no stack trace, ever. */
        Result assertCleanError() {
            assertThat(err).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Caused by");
            for (var p : TestSecrets.PATTERNS) {
                assertThat(p.matcher(out + err).find()).as("secret pattern %s in output", p).isFalse();
            }
            return this;
        }
    }

    @BeforeEach
    void setUp() {
        vaultFile = home.resolve("data").resolve("vault.pryx");
    }

    Result run(Map<String, String> extraEnv, byte[] stdin, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("PRYX_HOME", home.toString());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, env::get, home, new ByteArrayInputStream(stdin), out, err, null,
                FileVault.Options.cheapForTests());
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)).assertCleanError();
    }

    Result run(String... args) {
        return run(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE), new byte[0], args);
    }

    @Nested
    @DisplayName("without a vault")
    class WithoutVault {
        @Test
        @DisplayName("--version and --help work and create nothing")
        void versionAndHelp() throws IOException {
            Result v = run(Map.of(), new byte[0], "--version");
            assertThat(v.exit()).isZero();
            assertThat(v.out()).startsWith("pryx ");
            Result h = run(Map.of(), new byte[0], "--help");
            assertThat(h.exit()).isZero();
            assertThat(h.out()).contains("Usage: pryx").contains("vault");
            Result none = run(Map.of(), new byte[0]);
            assertThat(none.exit()).isZero();
            assertThat(none.out()).contains("Usage: pryx");
            try (Stream<Path> s = Files.list(home)) {
                assertThat(s).isEmpty();
            }
        }

        @Test
        @DisplayName("an unknown command or flag is a usage error (exit 2)")
        void usage() {
            Result r = run("frobnicate");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("frobnicate").contains("--help");
            assertThat(run("vault", "status", "--bogus").exit()).isEqualTo(2);
            assertThat(run("vault", "restore", "--generation", "abc").exit()).isEqualTo(2);
            assertThat(run("vault", "restore", "--generation", "0").exit()).isEqualTo(2);
        }

        @Test
        @DisplayName("status of a missing vault says how to create one (exit 3)")
        void statusMissing() {
            Result r = run("vault", "status");
            assertThat(r.exit()).isEqualTo(3);
            assertThat(r.err()).contains("No vault exists").contains("pryx vault init");
        }

        @Test
        @DisplayName("init without any passphrase source and no terminal fails with exit 3 and says how")
        void noPassphraseSource() {
            Result r = run(Map.of(), new byte[0], "vault", "init");
            assertThat(r.exit()).isEqualTo(3);
            assertThat(r.err()).contains("PRYX_VAULT_PASSPHRASE").contains("PRYX_VAULT_PASSPHRASE_FILE");
            assertThat(vaultFile).doesNotExist();
        }
    }

    @Nested
    @DisplayName("init and status")
    class InitAndStatus {
        @Test
        @DisplayName("init creates a 0600 vault in a 0700 directory; status shows it without secrets")
        void init() throws IOException {
            Result r = run("vault", "init");
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("Created a new vault at " + vaultFile);
            assertThat(Files.getPosixFilePermissions(vaultFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            assertThat(Files.getPosixFilePermissions(vaultFile.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            assertThat(Files.getPosixFilePermissions(home.resolve("state/logs"))).isEqualTo(PosixFilePermissions.fromString("rwx------"));

            Result s = run(Map.of(), new byte[0], "vault", "status");
            assertThat(s.exit()).isZero();
            assertThat(s.out()).contains(vaultFile.toString()).contains("Format      1.0").contains("Generation  1")
                    .contains("argon2id").contains("mode 0600").contains("Backups     none yet");

            Result j = run(Map.of(), new byte[0], "vault", "status", "--json");
            assertThat(j.exit()).isZero();
            JsonNode json = new ObjectMapper().readTree(j.out());
            assertThat(json.get("path").asText()).isEqualTo(vaultFile.toString());
            assertThat(json.get("format_version").asText()).isEqualTo("1.0");
            assertThat(json.get("generation").asLong()).isEqualTo(1);
            assertThat(json.get("slots").get(0).get("memory_kib").asInt()).isEqualTo(FileVault.Options.cheapForTests().slotCosts().memoryKib());
            assertThat(json.get("problem").isNull()).isTrue();
        }

        @Test
        @DisplayName("init refuses to replace an existing vault (exit 3), leaving it unchanged")
        void initTwice() throws IOException {
            run("vault", "init");
            String before = sha256(vaultFile);
            Result r = run("vault", "init");
            assertThat(r.exit()).isEqualTo(3);
            assertThat(r.err()).contains("already exists");
            assertThat(sha256(vaultFile)).isEqualTo(before);
        }

        @Test
        @DisplayName("the passphrase file's first line is the passphrase (CRLF and trailing lines ignored)")
        void passphraseFile() throws IOException {
            Path pf = home.resolve("pass.txt");
            Files.writeString(pf, TestSecrets.PASSPHRASE + "\r\nsecond line\n");
            Result r = run(Map.of("PRYX_VAULT_PASSPHRASE_FILE", pf.toString()), new byte[0], "vault", "init");
            assertThat(r.exit()).isZero();
            // The same passphrase given directly opens it.
            Result c = run(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE),
                    (TestSecrets.OTHER_PASSPHRASE + "\n").getBytes(StandardCharsets.UTF_8), "vault", "change-passphrase");
            assertThat(c.exit()).isZero();
        }

        @Test
        @DisplayName("a missing passphrase file is exit 3 with its path")
        void missingPassphraseFile() {
            Result r = run(Map.of("PRYX_VAULT_PASSPHRASE_FILE", home.resolve("nope").toString()), new byte[0], "vault", "init");
            assertThat(r.exit()).isEqualTo(3);
            assertThat(r.err()).contains("does not exist").contains(home.resolve("nope").toString());
        }
    }

    @Nested
    @DisplayName("change-passphrase")
    class ChangePassphrase {
        @Test
        @DisplayName("takes the new passphrase from stdin; the old one stops working")
        void change() {
            run("vault", "init");
            Result r = run(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE),
                    (TestSecrets.OTHER_PASSPHRASE + "\n").getBytes(StandardCharsets.UTF_8), "vault", "change-passphrase");
            assertThat(r.exit()).isZero();
            Result old = run(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE), "x\n".getBytes(StandardCharsets.UTF_8),
                    "vault", "change-passphrase");
            assertThat(old.exit()).isEqualTo(3);
            assertThat(old.err()).containsIgnoringCase("wrong passphrase");
        }

        @Test
        @DisplayName("an empty or non-UTF-8 new passphrase is a usage error and changes nothing")
        void badNewPassphrase() throws IOException {
            run("vault", "init");
            String before = sha256(vaultFile);
            Result empty = run(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE), "\n".getBytes(StandardCharsets.UTF_8),
                    "vault", "change-passphrase");
            assertThat(empty.exit()).isEqualTo(2);
            assertThat(empty.err()).contains("empty");
            Result binary = run(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE), new byte[] {(byte) 0xff, (byte) 0xfe, 'a', '\n'},
                    "vault", "change-passphrase");
            assertThat(binary.exit()).isEqualTo(2);
            assertThat(binary.err()).contains("UTF-8");
            assertThat(sha256(vaultFile)).isEqualTo(before);
        }
    }

    /** Each damage to a vault file, and what the CLI must say about it. */
    static Stream<Arguments> damages() {
        return Stream.of(
                Arguments.of("empty file", (UnaryOperator<byte[]>) b -> new byte[0], "is empty"),
                Arguments.of("bad magic", (UnaryOperator<byte[]>) b -> "not a vault at all".getBytes(StandardCharsets.UTF_8), "signature"),
                Arguments.of("unsupported version", (UnaryOperator<byte[]>) b -> set(b, 8, 7), "format version 7.0 is not supported"),
                Arguments.of("header length past the end", (UnaryOperator<byte[]>) b -> {
                    ByteBuffer.wrap(b).putInt(10, 60_000);
                    return b;
                }, "past the end"),
                Arguments.of("truncated", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length / 2), "damaged"),
                Arguments.of("flipped header byte", (UnaryOperator<byte[]>) b -> set(b, 40, b[40] ^ 0x20), "checksum"),
                Arguments.of("flipped payload byte", (UnaryOperator<byte[]>) b -> set(b, b.length - 20, b[b.length - 20] ^ 1), "fails authentication"),
                Arguments.of("trailing garbage", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length + 3), "fails authentication"),
                Arguments.of("hostile KDF costs, checksum fixed up", (UnaryOperator<byte[]>) b -> VaultFileEdits.editHeader(b,
                        h -> h.replaceFirst("\"memory_kib\":\\d+", "\"memory_kib\":2147483647")),
                        "unsafe key-derivation parameters"));
    }

    static byte[] set(byte[] b, int i, int v) {
        b[i] = (byte) v;
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    @DisplayName("a damaged vault: exit 3, a clear message, the file unchanged")
    void damaged(String name, UnaryOperator<byte[]> damage, String expected) throws IOException {
        run("vault", "init");
        Files.write(vaultFile, damage.apply(Files.readAllBytes(vaultFile)));
        String before = sha256(vaultFile);
        Result r = run(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE), "new-pass\n".getBytes(StandardCharsets.UTF_8),
                "vault", "change-passphrase");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains(expected).contains(vaultFile.toString());
        assertThat(r.err().strip().lines().count()).as("one message line").isEqualTo(1);
        assertThat(sha256(vaultFile)).isEqualTo(before);
    }

    @Test
    @DisplayName("a damaged vault with a backup that opens points to restore, and restore brings it back")
    void damagedThenRestore() throws IOException {
        run("vault", "init");
        assertThat(run(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE),
                (TestSecrets.PASSPHRASE + "\n").getBytes(StandardCharsets.UTF_8), "vault", "change-passphrase").exit()).isZero();
        byte[] b = Files.readAllBytes(vaultFile);
        b[b.length - 1] ^= 1;
        Files.write(vaultFile, b);
        Result r = run(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE), "x\n".getBytes(StandardCharsets.UTF_8),
                "vault", "change-passphrase");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("damaged").contains("pryx vault restore");

        Result status = run(Map.of(), new byte[0], "vault", "status");
        assertThat(status.exit()).isZero();
        assertThat(status.out()).contains("generation 1");

        Result restore = run("vault", "restore");
        assertThat(restore.exit()).isZero();
        assertThat(restore.out()).contains("Restored the backup of generation 1").contains("now at generation 3");
        assertThat(run(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE), "n3w-passphrase-x\n".getBytes(StandardCharsets.UTF_8),
                "vault", "change-passphrase").exit()).isZero();
    }

    @Test
    @DisplayName("restore without backups is exit 3")
    void restoreWithoutBackups() {
        run("vault", "init");
        Result r = run("vault", "restore");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("no backups");
    }

    @Test
    @DisplayName("a wrong passphrase: exit 3, 'wrong passphrase', nothing changed")
    void wrongPassphrase() throws IOException {
        run("vault", "init");
        String before = sha256(vaultFile);
        Result r = run(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.OTHER_PASSPHRASE), "x\n".getBytes(StandardCharsets.UTF_8),
                "vault", "change-passphrase");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).containsIgnoringCase("wrong passphrase");
        assertThat(sha256(vaultFile)).isEqualTo(before);
    }

    @Test
    @DisplayName("a vault readable by others: exit 3 with the chmod that fixes it")
    void permissions() throws IOException {
        run("vault", "init");
        Files.setPosixFilePermissions(vaultFile, PosixFilePermissions.fromString("rw-r-----"));
        String before = sha256(vaultFile);
        Result r = run(Map.of("PRYX_VAULT_PASSPHRASE", TestSecrets.PASSPHRASE), "x\n".getBytes(StandardCharsets.UTF_8),
                "vault", "change-passphrase");
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("mode 0640").contains("chmod 600 " + vaultFile);
        assertThat(sha256(vaultFile)).isEqualTo(before);
    }
}
