package dev.pryx.vault;

import static dev.pryx.TestFiles.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pryx.TestSecrets;
import dev.pryx.support.PrivateFiles;
import dev.pryx.support.Secret;
import dev.pryx.vault.v1.VaultFileEdits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("FileVault")
class FileVaultTest {
    static final FileVault.Options OPTIONS = FileVault.Options.cheapForTests();

    @TempDir
    Path home;
    Path file;

    @BeforeEach
    void paths() {
        file = home.resolve("data").resolve("vault.pryx");
    }

    static Secret passphrase() {
        return Secret.adopt(TestSecrets.PASSPHRASE.toCharArray());
    }

    static Secret secret(String s) {
        return Secret.adopt(s.toCharArray());
    }

    /** A record type like the provider manager's, to exercise typed records. */
    record Note(String id, String text, int count) {
    }

    static Optional<CredentialVersion> cred(FileVault v, String name) {
        return v.read(c -> c.credential(name).map(CredentialVersion::copy));
    }

    static String key(FileVault v, String name) {
        return v.read(c -> new String(c.credential(name).orElseThrow().secret("key").orElseThrow().chars()));
    }

    static List<Integer> versions(FileVault v, String name) {
        return v.read(c -> c.credentialVersions(name).stream().map(CredentialVersion::version).toList());
    }

    static Map<String, Note> notes(FileVault v) {
        return v.read(c -> c.records("notes", Note.class));
    }

    static Optional<Note> note(FileVault v, String id) {
        return v.read(c -> c.record("notes", id, Note.class));
    }

    FileVault createWithKey() {
        FileVault vault = FileVault.create(file, passphrase(), OPTIONS);
        vault.update(c -> c.putCredential("openai", "api_key", Instant.EPOCH,
                Map.of("key", secret(TestSecrets.API_KEY)), Map.of("fingerprint", "ab12"), 3));
        return vault;
    }

    @Nested
    @DisplayName("round trip")
    class RoundTrip {
        @Test
        @DisplayName("a credential and a typed record survive close and reopen")
        void reopen() {
            try (FileVault v = createWithKey()) {
                v.update(c -> {
                    c.putRecord("notes", "n1", new Note("n1", "hello ✓ 世界", 3));
                    return null;
                });
            }
            try (FileVault v = FileVault.open(file, passphrase(), OPTIONS)) {
                assertThat(key(v, "openai"))
                        .isEqualTo(TestSecrets.API_KEY);
                assertThat(note(v, "n1")).contains(new Note("n1", "hello ✓ 世界", 3));
                assertThat(cred(v, "openai").orElseThrow().attributes()).containsEntry("fingerprint", "ab12");
                assertThat(v.generation()).isEqualTo(3);
            }
        }

        @Test
        @DisplayName("rotation keeps previous versions for rollback, up to the limit")
        void rotation() {
            try (FileVault v = createWithKey()) {
                v.update(c -> c.putCredential("openai", "api_key", Instant.EPOCH, Map.of("key", secret(TestSecrets.OTHER_API_KEY)), Map.of(), 2));
                assertThat(versions(v, "openai").size()).isEqualTo(2);
                assertThat(cred(v, "openai").orElseThrow().version()).isEqualTo(2);
                v.update(c -> c.putCredential("openai", "api_key", Instant.EPOCH, Map.of("key", secret("sk-test-third-LEAKCHECK")), Map.of(), 2));
                assertThat(versions(v, "openai"))
                        .containsExactly(2, 3);
                assertThat(v.<Boolean>update(c -> c.rollbackCredential("openai"))).isTrue();
                assertThat(key(v, "openai"))
                        .isEqualTo(TestSecrets.OTHER_API_KEY);
                assertThat(v.<Boolean>update(c -> c.rollbackCredential("openai"))).as("nothing older is kept").isFalse();
                assertThat(v.<Boolean>update(c -> c.deleteCredential("openai"))).isTrue();
                assertThat(cred(v, "openai")).isEmpty();
            }
        }

        @Test
        @DisplayName("a change that throws saves nothing and leaves the contents as they were")
        void failedChange() throws IOException {
            try (FileVault v = createWithKey()) {
                String before = sha256(file);
                assertThatThrownBy(() -> v.update(c -> {
                    c.deleteCredential("openai");
                    throw new IllegalStateException("change refused");
                })).hasMessage("change refused");
                assertThat(sha256(file)).isEqualTo(before);
                assertThat(cred(v, "openai")).isPresent();
            }
        }

        @Test
        @DisplayName("the file holds no secret and no record text in clear")
        void ciphertextOnly() throws IOException {
            try (FileVault v = createWithKey()) {
                v.update(c -> {
                    c.putRecord("notes", "n1", new Note("n1", "plain-record-text", 1));
                    return null;
                });
            }
            String raw = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain(TestSecrets.API_KEY).doesNotContain("plain-record-text")
                    .doesNotContain(TestSecrets.PASSPHRASE).doesNotContain("openai");
        }

        @Test
        @DisplayName("the payload is padded so the file size hides small changes")
        void padding() throws IOException {
            try (FileVault v = FileVault.create(file, passphrase(), OPTIONS)) {
                long empty = Files.size(file);
                v.update(c -> {
                    c.putRecord("notes", "n", new Note("n", "x", 1));
                    return null;
                });
                assertThat(Files.size(file)).isEqualTo(empty);
            }
        }

        @Test
        @DisplayName("a second vault cannot be created over the first")
        void noOverwrite() throws IOException {
            createWithKey().close();
            String before = sha256(file);
            assertThatThrownBy(() -> FileVault.create(file, passphrase(), OPTIONS))
                    .isInstanceOf(VaultException.Missing.class).hasMessageContaining("already exists");
            assertThat(sha256(file)).isEqualTo(before);
        }

        @Test
        @DisplayName("an empty passphrase is refused")
        void emptyPassphrase() {
            assertThatThrownBy(() -> FileVault.create(file, secret(""), OPTIONS)).isInstanceOf(VaultException.class)
                    .hasMessageContaining("empty");
            assertThat(file).doesNotExist();
        }
    }

    @Nested
    @DisplayName("passphrase")
    class Passphrase {
        @Test
        @DisplayName("a wrong passphrase says so and is told apart from damage")
        void wrong() throws IOException {
            createWithKey().close();
            String before = sha256(file);
            assertThatThrownBy(() -> FileVault.open(file, secret(TestSecrets.OTHER_PASSPHRASE), OPTIONS))
                    .isInstanceOf(VaultException.WrongPassphrase.class)
                    .hasMessageStartingWith("Wrong passphrase")
                    .hasMessageNotContaining(TestSecrets.OTHER_PASSPHRASE);
            assertThat(sha256(file)).isEqualTo(before);
        }

        @Test
        @DisplayName("a change replaces the data key: an old backup and the old passphrase cannot read later saves")
        void changeRekeys() throws Exception {
            try (FileVault v = createWithKey()) {
                v.changePassphrase(secret(TestSecrets.OTHER_PASSPHRASE));
            }
            var codec = new dev.pryx.vault.v1.V1Codec(OPTIONS.bounds(), new java.security.SecureRandom());
            byte[] backup = Files.readAllBytes(FileVault.backups(file).get(0).path());
            var old = codec.unlock(backup, passphrase(), new java.util.HashMap<>());
            assertThatThrownBy(() -> codec.open(Files.readAllBytes(file), old.dataKey()))
                    .isInstanceOf(dev.pryx.vault.v1.VaultFormatException.class)
                    .satisfies(e -> assertThat(((dev.pryx.vault.v1.VaultFormatException) e).problem())
                            .isEqualTo(dev.pryx.vault.v1.VaultFormatException.Problem.WRONG_DATA_KEY));
        }

        @Test
        @DisplayName("restoring with an older passphrase keeps the newer vault as a backup, never as 'damaged'")
        void restoreWithOldPassphrase() throws IOException {
            try (FileVault v = createWithKey()) {
                v.changePassphrase(secret(TestSecrets.OTHER_PASSPHRASE));
            }
            long newest = FileVault.inspect(file, OPTIONS).generation();
            FileVault.restore(file, passphrase(), OPTIONS, OptionalLong.empty()).vault().close();
            assertThat(FileVault.backups(file)).extracting(VaultStatus.Backup::generation).contains(newest);
            try (Stream<Path> s = Files.list(file.getParent())) {
                assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
            }
            FileVault.Restored back = FileVault.restore(file, secret(TestSecrets.OTHER_PASSPHRASE), OPTIONS,
                    OptionalLong.of(newest));
            back.vault().close();
        }

        @Test
        @DisplayName("after a change only the new passphrase opens, and backups keep the old one")
        void change() {
            try (FileVault v = createWithKey()) {
                v.changePassphrase(secret(TestSecrets.OTHER_PASSPHRASE));
            }
            assertThatThrownBy(() -> FileVault.open(file, passphrase(), OPTIONS)).isInstanceOf(VaultException.WrongPassphrase.class);
            try (FileVault v = FileVault.open(file, secret(TestSecrets.OTHER_PASSPHRASE), OPTIONS)) {
                assertThat(cred(v, "openai")).isPresent();
            }
            FileVault.Restored r = FileVault.restore(file, passphrase(), OPTIONS, OptionalLong.empty());
            r.vault().close();
            try (FileVault v = FileVault.open(file, passphrase(), OPTIONS)) {
                assertThat(cred(v, "openai")).isPresent();
            }
        }
    }

    @Nested
    @DisplayName("bad files: a clear error, and the file unchanged")
    class BadFiles {
        private void write(byte[] bytes) throws IOException {
            Files.createDirectories(file.getParent(), PosixFilePermissions.asFileAttribute(PrivateFiles.OWNER_DIR));
            Files.write(file, bytes);
            Files.setPosixFilePermissions(file, PrivateFiles.OWNER_FILE);
        }

        private VaultException openFails() throws IOException {
            String before = sha256(file);
            Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> FileVault.open(file, passphrase(), OPTIONS));
            assertThat(t).isInstanceOf(VaultException.class);
            assertThat(sha256(file)).as("the file is never modified by a failed open").isEqualTo(before);
            assertThat(t.getMessage()).contains(file.toString()).doesNotContain(TestSecrets.PASSPHRASE);
            return (VaultException) t;
        }

        private byte[] valid() throws IOException {
            createWithKey().close();
            byte[] bytes = Files.readAllBytes(file);
            Files.delete(file);
            deleteBackups();
            return bytes;
        }

        private void deleteBackups() throws IOException {
            Path dir = FileVault.backupDirectory(file);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : s.toList()) {
                        Files.delete(p);
                    }
                }
            }
        }

        @Test
        @DisplayName("empty file")
        void empty() throws IOException {
            write(new byte[0]);
            assertThat(openFails()).isInstanceOf(VaultException.Damaged.class).hasMessageContaining("is empty");
        }

        @Test
        @DisplayName("bad magic")
        void badMagic() throws IOException {
            write("{\"openai\":\"sk-plaintext\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(openFails()).isInstanceOf(VaultException.Damaged.class).hasMessageContaining("signature");
        }

        @Test
        @DisplayName("unsupported major version is 'unsupported', not 'damaged'")
        void unsupportedMajor() throws IOException {
            byte[] b = valid();
            b[8] = 2;
            write(b);
            assertThat(openFails()).isInstanceOf(VaultException.Unsupported.class).hasMessageContaining("format version 2.0");
        }

        @Test
        @DisplayName("a newer minor version asks for a newer pryx")
        void newerMinor() throws IOException {
            byte[] b = valid();
            b[9] = 1;
            write(b);
            // The checksum covers the minor byte, so a lone flip reads as damage; a newer writer would
            // have written a matching checksum.
            assertThat(openFails()).isInstanceOf(VaultException.Damaged.class).hasMessageContaining("checksum");
        }

        @Test
        @DisplayName("header length past the end")
        void headerPastEnd() throws IOException {
            byte[] b = valid();
            ByteBuffer.wrap(b).putInt(10, b.length);
            write(b);
            assertThat(openFails()).isInstanceOf(VaultException.Damaged.class).hasMessageContaining("past the end");
        }

        @Test
        @DisplayName("header length over 64 KiB")
        void headerTooLong() throws IOException {
            byte[] b = valid();
            ByteBuffer.wrap(b).putInt(10, 70_000);
            write(b);
            assertThat(openFails()).isInstanceOf(VaultException.Damaged.class).hasMessageContaining("header length");
        }

        @Test
        @DisplayName("trailing garbage")
        void trailing() throws IOException {
            byte[] b = valid();
            byte[] longer = java.util.Arrays.copyOf(b, b.length + 7);
            write(longer);
            assertThat(openFails()).isInstanceOf(VaultException.Damaged.class).hasMessageContaining("fails authentication");
        }

        @Test
        @DisplayName("a file over 16 MiB is refused before it is read")
        void oversize() throws IOException {
            write(new byte[0]);
            try (FileChannel ch = FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(new byte[] {1}), 16L * 1024 * 1024 + 1);
            }
            assertThat(openFails()).isInstanceOf(VaultException.Damaged.class).hasMessageContaining("16 MiB");
        }

        @Test
        @DisplayName("every truncation of a small vault is refused as damaged")
        void everyTruncation() throws IOException {
            byte[] b = valid();
            for (int n = 0; n < b.length; n++) {
                write(java.util.Arrays.copyOf(b, n));
                assertThat(openFails()).as("truncated to %d bytes", n).isInstanceOf(VaultException.Damaged.class);
            }
        }

        @Test
        @DisplayName("a flipped byte anywhere is refused: damaged, or unsupported for the major version byte")
        void everyFlip() throws IOException {
            byte[] b = valid();
            for (int i = 0; i < b.length; i++) {
                byte[] flipped = b.clone();
                flipped[i] ^= 0x01;
                write(flipped);
                VaultException e = openFails();
                if (i == 8) {
                    assertThat(e).isInstanceOf(VaultException.Unsupported.class);
                } else {
                    assertThat(e).as("flip at %d", i).isInstanceOf(VaultException.Damaged.class);
                }
            }
        }

        @Test
        @DisplayName("KDF parameters out of bounds are refused without running the KDF")
        void kdfBounds() throws IOException {
            byte[] b = valid();
            // Rewrite the header with an absurd memory cost and a matching checksum: if the KDF ran
            // with 2 TiB it would throw OutOfMemoryError instead of this message.
            write(VaultFileEdits.editHeader(b, h -> h.replaceFirst("\"memory_kib\":\\d+", "\"memory_kib\":2147483647")));
            assertThat(openFails()).isInstanceOf(VaultException.Damaged.class)
                    .hasMessageContaining("unsafe key-derivation parameters").hasMessageContaining("memory");
            write(VaultFileEdits.editHeader(b, h -> h.replaceFirst("\"iterations\":\\d+", "\"iterations\":1000000")));
            assertThat(openFails()).hasMessageContaining("iterations");
        }

        @Test
        @DisplayName("an unknown or duplicate header key is refused")
        void strictHeader() throws IOException {
            byte[] b = valid();
            write(VaultFileEdits.editHeader(b, h -> h.replaceFirst("\\{", "{\"extra\":1,")));
            assertThat(openFails()).hasMessageContaining("unknown field 'extra'");
            write(VaultFileEdits.editHeader(b, h -> h.replaceFirst("\\{", "{\"generation\":7,")));
            assertThat(openFails()).isInstanceOf(VaultException.Damaged.class).hasMessageContaining("not valid JSON");
        }

        @Test
        @DisplayName("a consistent header edit (checksum fixed up) still fails: the header is bound to the payload")
        void headerBound() throws IOException {
            byte[] b = valid();
            write(VaultFileEdits.editHeader(b, h -> h.replaceFirst("\"generation\":\\d+", "\"generation\":999")));
            assertThat(openFails()).isInstanceOf(VaultException.Damaged.class).hasMessageContaining("fails authentication");
        }

        @Test
        @DisplayName("a damaged vault points to restore when a backup opens")
        void damagedWithBackup() throws IOException {
            try (FileVault v = createWithKey()) {
                v.update(c -> {
                    c.putRecord("notes", "n", new Note("n", "t", 1));
                    return null;
                });
            }
            byte[] b = Files.readAllBytes(file);
            b[b.length - 5] ^= 0x40;
            Files.write(file, b);
            VaultException e = openFails();
            assertThat(e).isInstanceOf(VaultException.Damaged.class).hasMessageContaining("pryx vault restore");
            assertThat(((VaultException.Damaged) e).backupOpens()).isTrue();

            FileVault.Restored r = FileVault.restore(file, passphrase(), OPTIONS, OptionalLong.empty());
            try (FileVault restored = r.vault()) {
                assertThat(cred(restored, "openai")).isPresent();
                assertThat(restored.generation()).as("moves past the damaged file's generation").isGreaterThan(3);
            }
            try (Stream<Path> s = Files.list(file.getParent())) {
                assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("vault.pryx.damaged-"));
            }
        }
    }

    @Nested
    @DisplayName("faults while saving leave the old vault and its backups intact")
    class Faults {
        @ParameterizedTest(name = "failure at {0}")
        @EnumSource(value = HookedFileOps.Step.class, names = {"CREATE", "MID_WRITE", "FORCE", "LINK", "RENAME"})
        void injected(HookedFileOps.Step step) throws IOException {
            HookedFileOps ops = new HookedFileOps();
            try (FileVault v = FileVault.create(file, passphrase(), OPTIONS, ops)) {
                for (int i = 0; i < 3; i++) {
                    int n = i;
                    v.update(c -> {
                        c.putRecord("notes", "n" + n, new Note("n" + n, "t", n));
                        return null;
                    });
                }
                String vaultBefore = sha256(file);
                Map<Path, String> backupsBefore = backupHashes();
                assertThat(backupsBefore).hasSize(3);

                ops.hook(at -> {
                    if (at == step) {
                        throw new IOException("injected failure at " + at + " (No space left on device)");
                    }
                });
                assertThatThrownBy(() -> v.update(c -> {
                    c.putRecord("notes", "lost", new Note("lost", "t", 9));
                    return null;
                })).isInstanceOf(VaultException.class)
                        .hasMessageContaining("Saving the vault failed")
                        .hasMessageContaining("previous version is intact");

                assertThat(sha256(file)).isEqualTo(vaultBefore);
                assertThat(FileVault.tempFile(file)).doesNotExist();
                Map<Path, String> backupsAfter = backupHashes();
                assertThat(backupsAfter).containsAllEntriesOf(backupsBefore);
                assertThat(note(v, "lost")).as("memory matches disk").isEmpty();

                ops.hook(at -> { });
                v.update(c -> {
                    c.putRecord("notes", "after", new Note("after", "t", 1));
                    return null;
                });
            }
            try (FileVault v = FileVault.open(file, passphrase(), OPTIONS)) {
                assertThat(notes(v).keySet()).containsExactlyInAnyOrder("n0", "n1", "n2", "after");
            }
        }

        private Map<Path, String> backupHashes() throws IOException {
            Map<Path, String> out = new java.util.HashMap<>();
            for (VaultStatus.Backup b : FileVault.backups(file)) {
                out.put(b.path(), sha256(b.path()));
            }
            return out;
        }

        @Test
        @DisplayName("a symlink planted at the temp path is refused and its target untouched")
        void plantedSymlink() throws IOException {
            try (FileVault v = createWithKey()) {
                Path target = home.resolve("attacker-target");
                Files.writeString(target, "original");
                Files.createSymbolicLink(FileVault.tempFile(file), target);
                String before = sha256(file);
                assertThatThrownBy(() -> v.update(c -> c.deleteCredential("openai")))
                        .isInstanceOf(VaultException.class).hasMessageContaining("not a regular file");
                assertThat(Files.readString(target)).isEqualTo("original");
                assertThat(sha256(file)).isEqualTo(before);
                assertThat(Files.isSymbolicLink(FileVault.tempFile(file))).as("left for the user to inspect").isTrue();
            }
        }

        @Test
        @DisplayName("a vault path that is a symlink is refused as such")
        void symlinkedVault() throws IOException {
            createWithKey().close();
            Path real = home.resolve("elsewhere.pryx");
            Files.move(file, real);
            Files.createSymbolicLink(file, real);
            assertThatThrownBy(() -> FileVault.open(file, passphrase(), OPTIONS))
                    .isInstanceOf(VaultException.class).hasMessageContaining("not a regular file");
        }

        @Test
        @DisplayName("a stray temp file from a crash is removed on open")
        void strayTemp() throws IOException {
            createWithKey().close();
            Files.write(FileVault.tempFile(file), new byte[] {1, 2, 3});
            FileVault.open(file, passphrase(), OPTIONS).close();
            assertThat(FileVault.tempFile(file)).doesNotExist();
        }

        @Test
        @DisplayName("at most five backups are kept, newest first, and each opens")
        void backupRotation() {
            try (FileVault v = createWithKey()) {
                for (int i = 0; i < 8; i++) {
                    int n = i;
                    v.update(c -> {
                        c.putRecord("notes", "n" + n, new Note("n", "t", n));
                        return null;
                    });
                }
                List<VaultStatus.Backup> backups = FileVault.backups(file);
                assertThat(backups).hasSize(5);
                assertThat(backups.get(0).generation()).isEqualTo(v.generation() - 1);
                VaultStatus.Backup oldest = backups.get(4);
                FileVault.Restored r = FileVault.restore(file, passphrase(), OPTIONS, OptionalLong.of(oldest.generation()));
                assertThat(r.fromGeneration()).isEqualTo(oldest.generation());
                assertThat(notes(r.vault())).hasSize(3);
                r.vault().close();
            }
        }
    }

    @Nested
    @DisplayName("permissions")
    class Permissions {
        @Test
        @DisplayName("new files are 0600 in a 0700 directory, backups too")
        void modes() throws IOException {
            try (FileVault v = createWithKey()) {
                v.update(c -> c.deleteCredential("openai"));
            }
            assertThat(PrivateFiles.mode(file)).contains("0600");
            assertThat(PrivateFiles.mode(file.getParent())).contains("0700");
            assertThat(PrivateFiles.mode(FileVault.backupDirectory(file))).contains("0700");
            for (VaultStatus.Backup b : FileVault.backups(file)) {
                assertThat(PrivateFiles.mode(b.path())).contains("0600");
            }
            assertThat(PrivateFiles.mode(FileVault.lockFile(file))).contains("0600");
        }

        @Test
        @DisplayName("a vault readable by others is refused with the chmod that fixes it")
        void groupReadable() throws IOException {
            createWithKey().close();
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            String before = sha256(file);
            assertThatThrownBy(() -> FileVault.open(file, passphrase(), OPTIONS))
                    .isInstanceOf(VaultException.Permissions.class)
                    .hasMessageContaining("mode 0644").hasMessageContaining("chmod 600 " + file);
            assertThat(sha256(file)).isEqualTo(before);
            FileVault.open(file, passphrase(), OPTIONS.withAllowOpenPermissions(true)).close();
        }

        @Test
        @DisplayName("a vault directory open to others is refused too")
        void openDirectory() throws IOException {
            createWithKey().close();
            Files.setPosixFilePermissions(file.getParent(), PosixFilePermissions.fromString("rwxr-xr-x"));
            assertThatThrownBy(() -> FileVault.open(file, passphrase(), OPTIONS))
                    .isInstanceOf(VaultException.Permissions.class).hasMessageContaining("chmod 700");
        }

        @Test
        @DisplayName("a missing vault says how to create one")
        void missing() {
            assertThatThrownBy(() -> FileVault.open(file, passphrase(), OPTIONS))
                    .isInstanceOf(VaultException.Missing.class).hasMessageContaining("pryx vault init");
        }
    }

    @Nested
    @DisplayName("status")
    class Status {
        @Test
        @DisplayName("describes the vault from its header without the passphrase and without secrets")
        void inspect() {
            try (FileVault v = createWithKey()) {
                VaultStatus s = FileVault.inspect(file, OPTIONS);
                assertThat(s.formatVersion()).isEqualTo("1.0");
                assertThat(s.generation()).isEqualTo(v.generation());
                assertThat(s.slots()).singleElement().satisfies(slot -> {
                    assertThat(slot.type()).isEqualTo("passphrase");
                    assertThat(slot.memoryKib()).isEqualTo(OPTIONS.slotCosts().memoryKib());
                });
                assertThat(s.backups()).hasSize(1);
                assertThat(s.mode()).isEqualTo("0600");
                assertThat(s.problem()).isNull();
                assertThat(s.toString()).doesNotContain(TestSecrets.API_KEY);
            }
        }

        @Test
        @DisplayName("reports a damaged header as a problem instead of failing")
        void damaged() throws IOException {
            createWithKey().close();
            byte[] b = Files.readAllBytes(file);
            b[20] ^= 1;
            Files.write(file, b);
            assertThat(FileVault.inspect(file, OPTIONS).problem()).contains("checksum");
        }
    }

    @Nested
    @DisplayName("two handles on one file")
    class TwoHandles {
        @Test
        @DisplayName("a save through one handle is reloaded, not overwritten, by the other")
        void reloadAndReapply() {
            try (FileVault a = createWithKey(); FileVault b = FileVault.open(file, passphrase(), OPTIONS)) {
                a.update(c -> {
                    c.putRecord("notes", "from-a", new Note("a", "t", 1));
                    return null;
                });
                b.update(c -> {
                    c.putRecord("notes", "from-b", new Note("b", "t", 2));
                    return null;
                });
                a.refresh();
                assertThat(notes(a).keySet()).containsExactlyInAnyOrder("from-a", "from-b");
            }
        }

        @Test
        @DisplayName("after a passphrase change by one handle, the other must reopen: it saves nothing over it")
        void passphraseChangedElsewhere() throws IOException {
            try (FileVault a = createWithKey(); FileVault b = FileVault.open(file, passphrase(), OPTIONS)) {
                a.changePassphrase(secret(TestSecrets.OTHER_PASSPHRASE));
                String before = sha256(file);
                assertThatThrownBy(() -> b.update(c -> {
                    c.putRecord("notes", "after", new Note("x", "t", 1));
                    return null;
                })).isInstanceOf(VaultException.class).hasMessageContaining("passphrase was changed by another process")
                        .hasMessageContaining("Nothing was saved");
                assertThat(sha256(file)).isEqualTo(before);
            }
            try (FileVault v = FileVault.open(file, secret(TestSecrets.OTHER_PASSPHRASE), OPTIONS)) {
                assertThat(cred(v, "openai")).isPresent();
            }
        }

        @Test
        @DisplayName("a vault replaced by a different one is not overwritten")
        void replaced() throws IOException {
            try (FileVault a = createWithKey()) {
                Files.delete(file);
                FileVault.create(file, passphrase(), OPTIONS).close();
                String before = sha256(file);
                assertThatThrownBy(() -> a.update(c -> c.deleteCredential("openai"))).isInstanceOf(VaultException.class)
                        .hasMessageContaining("Nothing was saved");
                assertThat(sha256(file)).isEqualTo(before);
            }
        }
    }
}
