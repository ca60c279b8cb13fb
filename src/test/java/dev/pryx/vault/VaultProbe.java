package dev.pryx.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.pryx.support.PrivateFiles;
import dev.pryx.support.Secret;
import dev.pryx.support.SecretBytes;
import dev.pryx.vault.v1.KdfParameters;
import dev.pryx.vault.v1.V1Codec;
import dev.pryx.vault.v1.VaultFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Opens a vault written by {@link VaultWriterProcess} in the test JVM and checks every entry in
 * it: the record is the one the child wrote for that id, and the credential of the same name
 * holds that id's fake key. Also checks the backups the saves kept.
 */
final class VaultProbe {
    private VaultProbe() {
    }

    /** What a vault held when the probe opened it. */
    record Snapshot(long generation, Set<String> ids) {
        Snapshot withGeneration(long newGeneration) {
            return new Snapshot(newGeneration, ids);
        }
    }

    static Secret passphrase() {
        return Secret.adopt(ChildJvm.PASSPHRASE.toCharArray());
    }

    /** Creates the vault the children open, with {@code ballast} records of filler to make saves big. */
    static long create(Path vault, int ballastRecords, int ballastBytes) {
        try (Secret passphrase = passphrase();
             FileVault v = FileVault.create(vault, passphrase, FileVault.Options.cheapForTests())) {
            if (ballastRecords > 0) {
                v.update(c -> {
                    for (int i = 0; i < ballastRecords; i++) {
                        String id = "ballast-" + i;
                        c.putRecord("ballast", id, new VaultWriterProcess.Entry(id, i, VaultWriterProcess.filler(id, ballastBytes)));
                    }
                    return null;
                });
            }
            return v.generation();
        }
    }

    /**
     * Opens the vault as the product does (which also removes a temp file left by a killed save),
     * checks each entry written by the children, and that no temp file is left.
     */
    static Snapshot open(Path vault) {
        Snapshot snapshot;
        try (Secret passphrase = passphrase();
             FileVault v = FileVault.open(vault, passphrase, FileVault.Options.cheapForTests())) {
            snapshot = v.read(VaultProbe::checkedEntries).withGeneration(v.generation());
        }
        assertThat(FileVault.tempFile(vault)).as("the temp file of an interrupted save, after the vault was opened")
                .doesNotExist();
        if (PrivateFiles.posix()) {
            try {
                assertThat(PrivateFiles.mode(vault)).as("mode of the vault").hasValue("0600");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        return snapshot;
    }

    /**
     * Checks that at most {@code keep} backups exist ({@code when} names the moment, for the
     * message), and that each opens with the passphrase (decrypted and parsed as the vault
     * would be), holds the generation its name says, is not newer than {@code current}, and holds
     * no entry the current vault lacks (no save went backwards).
     */
    static void checkBackups(Path vault, Snapshot current, int keep, String when) {
        List<VaultStatus.Backup> backups = FileVault.backups(vault);
        assertThat(backups).as("backups kept beside the vault %s", when).hasSizeLessThanOrEqualTo(keep);
        V1Codec codec = new V1Codec(FileVault.Options.cheapForTests().bounds(), new SecureRandom());
        Map<KdfParameters, SecretBytes> derived = new HashMap<>();
        try (Secret passphrase = passphrase()) {
            for (VaultStatus.Backup b : backups) {
                V1Codec.Opened opened;
                try {
                    opened = codec.unlock(Files.readAllBytes(b.path()), passphrase, derived);
                } catch (VaultFormatException | IOException e) {
                    throw new AssertionError("backup " + b.path().getFileName() + " does not open: " + e, e);
                }
                try (SecretBytes key = opened.dataKey(); SecretBytes plaintext = opened.plaintext();
                     VaultContents contents = PayloadCodec.read(plaintext.bytes())) {
                    assertThat(opened.header().generation()).as("generation inside " + b.path().getFileName())
                            .isEqualTo(b.generation());
                    // Equal only when a save was killed after keeping the current file as a backup and
                    // before the rename: the backup is then that very file.
                    assertThat(b.generation()).as("backup generation").isLessThanOrEqualTo(current.generation());
                    if (b.generation() == current.generation()) {
                        assertThat(Files.mismatch(b.path(), vault)).as("backup of the current generation against the vault")
                                .isEqualTo(-1L);
                    }
                    Snapshot old = checkedEntries(contents);
                    assertThat(current.ids()).as("current entries against backup " + b.path().getFileName())
                            .containsAll(old.ids());
                } catch (IOException e) {
                    throw new AssertionError(e);
                } catch (PayloadCodec.PayloadException e) {
                    throw new AssertionError("backup " + b.path().getFileName() + " holds a malformed payload: " + e, e);
                }
                if (PrivateFiles.posix()) {
                    try {
                        assertThat(PrivateFiles.mode(b.path())).as("mode of " + b.path().getFileName()).hasValue("0600");
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        } finally {
            derived.values().forEach(SecretBytes::close);
        }
    }

    private static Snapshot checkedEntries(VaultContents contents) {
        Map<String, VaultWriterProcess.Entry> entries = new LinkedHashMap<>(
                contents.records(VaultWriterProcess.COLLECTION, VaultWriterProcess.Entry.class));
        Set<String> ids = new TreeSet<>();
        entries.forEach((id, entry) -> {
            assertThat(entry.id()).as("id inside record " + id).isEqualTo(id);
            if (!entry.filler().equals(VaultWriterProcess.filler(id, entry.filler().length())) || entry.filler().isEmpty()) {
                fail("record " + id + " does not hold the filler its writer stored");
            }
            CredentialVersion credential = contents.credential(id)
                    .orElseThrow(() -> new AssertionError("record " + id + " has no credential beside it"));
            Secret key = credential.secret("key").orElseThrow(() -> new AssertionError("credential " + id + " has no key"));
            if (!Arrays.equals(key.chars(), VaultWriterProcess.fakeKey(id).toCharArray())) {
                // Only the name goes into the message, never the value.
                fail("credential " + id + " does not hold the key its writer stored");
            }
            ids.add(id);
        });
        Set<String> credentialsWithoutRecord = new TreeSet<>(contents.credentialNames());
        credentialsWithoutRecord.removeAll(ids);
        assertThat(credentialsWithoutRecord).as("credentials saved without their record").isEmpty();
        return new Snapshot(-1, ids);
    }
}
