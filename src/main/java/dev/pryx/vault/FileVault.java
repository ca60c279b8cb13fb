package dev.pryx.vault;

import dev.pryx.support.PrivateFiles;
import dev.pryx.support.Secret;
import dev.pryx.support.SecretBytes;
import dev.pryx.vault.v1.KdfBounds;
import dev.pryx.vault.v1.KdfParameters;
import dev.pryx.vault.v1.PassphraseSlot;
import dev.pryx.vault.v1.V1Codec;
import dev.pryx.vault.v1.VaultFormatException;
import dev.pryx.vault.v1.VaultHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The encrypted vault file: open, change, save, without ever losing data.
 *
 * <p>Saving (see {@code docs/VAULT-FORMAT.md}): take the writer lock; if another process saved
 * since we loaded, reload and apply the change again to its contents; encrypt, decrypt in memory
 * and compare; write a 0600 temp file beside the vault and fsync it; keep the current file as a
 * backup (the last {@link Options#keepBackups()}); rename atomically over the vault; fsync the
 * directory. A failure at any step leaves the previous vault and its backups as they were.
 */
public final class FileVault implements AutoCloseable {
    /** Looked up when first needed: initialising logging costs 150-190 ms, too much for start-up to pay up front. */
    private static Logger log() {
        return LoggerFactory.getLogger(FileVault.class);
    }
    private static final String BACKUP_DIRECTORY = "backups";
    private static final Pattern BACKUP_NAME = Pattern.compile("vault-(\\d{1,19})\\.pryx");
    private static final String SLOT_ID = "passphrase";

    /**
     * How vaults are created and opened.
     *
     * @param slotCosts          Argon2id costs for new passphrase slots
     * @param bounds             what a file's KDF parameters must stay within
     * @param lockWait           how long a save waits for another process's save
     * @param keepBackups        how many previous versions to keep
     * @param allowOpenPermissions open even when the file's mode lets other users read it
     */
    public record Options(KdfParameters slotCosts, KdfBounds bounds, Duration lockWait, int keepBackups,
                          boolean allowOpenPermissions, Clock clock, SecureRandom random) {

        public static Options defaults() {
            return new Options(KdfParameters.recommended(), KdfBounds.production(), Duration.ofSeconds(10), 5,
                    false, Clock.systemUTC(), new SecureRandom());
        }

        /**
         * Tiny Argon2 costs so that tests can create hundreds of vaults. Only tests call this:
         * no flag, variable or file of the product reaches it.
         */
        public static Options cheapForTests() {
            return new Options(KdfParameters.costs(64, 1, 1), KdfBounds.relaxedForTests(), Duration.ofSeconds(30), 5,
                    false, Clock.systemUTC(), new SecureRandom());
        }

        public Options withAllowOpenPermissions(boolean allow) {
            return new Options(slotCosts, bounds, lockWait, keepBackups, allow, clock, random);
        }

        public Options withClock(Clock newClock) {
            return new Options(slotCosts, bounds, lockWait, keepBackups, allowOpenPermissions, newClock, random);
        }
    }

    private final Path file;
    private final Options options;
    private final V1Codec codec;
    private final FileOps ops;

    private VaultHeader header;
    private byte[] loadedChecksum;
    private SecretBytes dataKey;
    private VaultContents contents;

    private FileVault(Path file, Options options, FileOps ops, VaultHeader header, byte[] checksum,
                      SecretBytes dataKey, VaultContents contents) {
        this.file = file;
        this.options = options;
        this.codec = new V1Codec(options.bounds(), options.random());
        this.ops = ops;
        this.header = header;
        this.loadedChecksum = checksum;
        this.dataKey = dataKey;
        this.contents = contents;
    }

    // ---- creating and opening ----------------------------------------------------------------

    public static boolean exists(Path file) {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** Creates a new, empty vault. Fails when one exists already. */
    public static FileVault create(Path file, Secret passphrase, Options options) {
        return create(file, passphrase, options, FileOps.REAL);
    }

    static FileVault create(Path file, Secret passphrase, Options options, FileOps ops) {
        if (passphrase.isEmpty()) {
            throw new VaultException("The passphrase is empty. Choose a passphrase of at least a few words.");
        }
        PrivateFiles.createPrivateDirectories(file.getParent());
        checkPermissions(file.getParent(), options);
        try (VaultLock lock = VaultLock.acquire(lockFile(file), options.lockWait())) {
            if (exists(file)) {
                throw new VaultException.Missing("A vault already exists at " + file
                        + ". Use it, or move it away first to start over.");
            }
            V1Codec codec = new V1Codec(options.bounds(), options.random());
            Instant now = now(options);
            SecretBytes dataKey = codec.newDataKey();
            String vaultId = UUID.randomUUID().toString();
            PassphraseSlot slot = codec.newPassphraseSlot(vaultId, SLOT_ID, now, passphrase, dataKey, options.slotCosts());
            // Generation 0 is never written: the first save below makes it 1.
            VaultHeader header = new VaultHeader(vaultId, 0, now, now, List.of(slot));
            FileVault vault = new FileVault(file, options, ops, header, null, dataKey, new VaultContents());
            vault.saveLocked(header.nextGeneration(now), vault.contents);
            return vault;
        }
    }

    /** Opens an existing vault with its passphrase. */
    public static FileVault open(Path file, Secret passphrase, Options options) {
        return open(file, passphrase, options, FileOps.REAL);
    }

    static FileVault open(Path file, Secret passphrase, Options options, FileOps ops) {
        byte[] bytes = readChecked(file, options);
        tidyAfterInterruptedSave(file, options);
        Map<KdfParameters, SecretBytes> derived = new HashMap<>();
        try {
            V1Codec codec = new V1Codec(options.bounds(), options.random());
            V1Codec.Opened opened;
            try {
                opened = codec.unlock(bytes, passphrase, derived);
            } catch (VaultFormatException e) {
                throw translate(file, e, () -> newestBackupThatOpens(file, passphrase, options, derived).isPresent());
            }
            return fromOpened(file, options, ops, opened);
        } finally {
            derived.values().forEach(SecretBytes::close);
        }
    }

    /** Describes the vault file from its plaintext header alone; needs no passphrase. */
    public static VaultStatus inspect(Path file, Options options) {
        if (!exists(file)) {
            throw new VaultException.Missing("No vault exists at " + file + ". Create one with `pryx vault init`.");
        }
        long size;
        String mode;
        try {
            size = Files.size(file);
            mode = PrivateFiles.mode(file).orElse("n/a");
        } catch (IOException e) {
            throw new VaultException("The vault file " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
        List<VaultStatus.Backup> backups = backups(file);
        byte[] bytes;
        try {
            bytes = size > V1Codec.MAX_FILE_BYTES ? new byte[0] : Files.readAllBytes(file);
        } catch (IOException e) {
            throw new VaultException("The vault file " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
        int[] version = V1Codec.peekVersion(bytes);
        String formatVersion = version == null ? null : version[0] + "." + version[1];
        if (size > V1Codec.MAX_FILE_BYTES) {
            return new VaultStatus(file, size, mode, null, null, null, null, null, List.of(), backups,
                    "the file is larger than " + (V1Codec.MAX_FILE_BYTES >> 20) + " MiB");
        }
        try {
            V1Codec.ParsedFile parsed = new V1Codec(options.bounds(), options.random()).parse(bytes);
            VaultHeader h = parsed.header();
            List<VaultStatus.Slot> slots = h.slots().stream().map(s -> new VaultStatus.Slot(PassphraseSlot.TYPE, s.id(),
                    s.createdAt(), "argon2id", s.kdf().memoryKib(), s.kdf().iterations(), s.kdf().parallelism())).toList();
            return new VaultStatus(file, size, mode, formatVersion, h.vaultId(), h.generation(), h.createdAt(),
                    h.savedAt(), slots, backups, null);
        } catch (VaultFormatException e) {
            return new VaultStatus(file, size, mode, formatVersion, null, null, null, null, List.of(), backups,
                    e.detail());
        }
    }

    /** The backups kept beside the vault, newest first. */
    public static List<VaultStatus.Backup> backups(Path file) {
        Path dir = backupDirectory(file);
        List<VaultStatus.Backup> out = new ArrayList<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                Matcher m = BACKUP_NAME.matcher(p.getFileName().toString());
                if (m.matches() && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    out.add(new VaultStatus.Backup(p, Long.parseLong(m.group(1)), a.size(), a.lastModifiedTime().toInstant()));
                }
            }
        } catch (IOException | NumberFormatException e) {
            log().warn("cannot list vault backups in {}: {}", dir, e.toString());
        }
        out.sort(Comparator.comparingLong(VaultStatus.Backup::generation).reversed());
        return out;
    }

    /**
     * Replaces the vault with the newest backup that opens with {@code passphrase} (or the one of
     * the given generation). The replaced file is kept: as a backup when it still opens, else
     * beside the vault as {@code vault.pryx.damaged-<time>}.
     *
     * @return the restored vault, open, and which backup it came from
     */
    public static Restored restore(Path file, Secret passphrase, Options options, OptionalLong generation) {
        return restore(file, passphrase, options, generation, FileOps.REAL);
    }

    /** The outcome of {@link #restore}: the vault, open, and the generation of the backup used. */
    public record Restored(FileVault vault, long fromGeneration) {
    }

    static Restored restore(Path file, Secret passphrase, Options options, OptionalLong generation, FileOps ops) {
        Map<KdfParameters, SecretBytes> derived = new HashMap<>();
        try (VaultLock lock = VaultLock.acquire(lockFile(file), options.lockWait())) {
            List<VaultStatus.Backup> candidates = backups(file).stream()
                    .filter(b -> generation.isEmpty() || b.generation() == generation.getAsLong()).toList();
            if (candidates.isEmpty()) {
                throw new VaultException.Missing(generation.isPresent()
                        ? "There is no backup of generation " + generation.getAsLong() + ". See `pryx vault status` for the list."
                        : "There are no backups of " + file + " to restore from.");
            }
            V1Codec codec = new V1Codec(options.bounds(), options.random());
            V1Codec.Opened chosen = null;
            VaultStatus.Backup chosenBackup = null;
            boolean wrongPassphraseOnly = true;
            for (VaultStatus.Backup b : candidates) {
                try {
                    chosen = codec.unlock(Files.readAllBytes(b.path()), passphrase, derived);
                    chosenBackup = b;
                    break;
                } catch (VaultFormatException e) {
                    wrongPassphraseOnly &= e.problem() == VaultFormatException.Problem.WRONG_PASSPHRASE;
                    log().info("backup {} does not open: {}", b.path(), e.detail());
                } catch (IOException e) {
                    wrongPassphraseOnly = false;
                    log().info("backup {} cannot be read: {}", b.path(), e.toString());
                }
            }
            if (chosen == null) {
                throw wrongPassphraseOnly
                        ? new VaultException.WrongPassphrase("Wrong passphrase: no backup opens with it. Backups keep the passphrase they were saved with.")
                        : new VaultException.Damaged("No backup of " + file + " opens with this passphrase.", false);
            }
            // The generation must move forward past everything seen, so other processes notice.
            long next = Math.max(chosenBackup.generation(), candidates.get(0).generation());
            Replaced current = exists(file) ? setAsideCurrent(file, passphrase, codec, derived, options)
                    : new Replaced(0, false);
            next = Math.max(next, current.generation());
            FileVault vault = fromOpened(file, options, ops, chosen);
            if (current.keptAsBackup()) {
                // The save links the file it replaces as the backup of the header's generation.
                vault.header = vault.header.withGeneration(current.generation());
            }
            VaultHeader restored = vault.header.withGeneration(next).nextGeneration(now(options));
            vault.saveLocked(restored, vault.contents);
            return new Restored(vault, chosenBackup.generation());
        } finally {
            derived.values().forEach(SecretBytes::close);
        }
    }

    // ---- using an open vault -----------------------------------------------------------------

    /** Reads from the contents as loaded (or last saved) by this process. */
    public synchronized <R> R read(Function<VaultContents, R> query) {
        checkOpen();
        return query.apply(contents);
    }

    /**
     * Applies {@code change} to a copy of the contents and saves it. If another process saved
     * since this one loaded, its contents are loaded first and {@code change} runs on those, so
     * both changes survive. When this returns, the change is on disk.
     */
    public synchronized <R> R update(Function<VaultContents, R> change) {
        checkOpen();
        try (VaultLock lock = VaultLock.acquire(lockFile(file), options.lockWait())) {
            reloadIfChangedLocked();
            VaultContents next = contents.copy();
            try {
                R result = change.apply(next);
                saveLocked(header.nextGeneration(now(options)), next);
                return result;
            } catch (RuntimeException e) {
                if (contents != next) {
                    next.close();
                }
                throw e;
            }
        }
    }

    /**
     * Protects the vault with a new passphrase: a fresh data key, wrapped under a key derived with
     * a fresh salt. Other processes that have the vault open must open it again before saving.
     */
    public synchronized void changePassphrase(Secret newPassphrase) {
        checkOpen();
        if (newPassphrase.isEmpty()) {
            throw new VaultException("The new passphrase is empty. Choose a passphrase of at least a few words.");
        }
        try (VaultLock lock = VaultLock.acquire(lockFile(file), options.lockWait())) {
            reloadIfChangedLocked();
            Instant now = now(options);
            // A new data key, not just a new wrap: backups still open with the old passphrase, and
            // whoever knows it must not be able to read saves made after the change.
            SecretBytes newKey = codec.newDataKey();
            try {
                PassphraseSlot slot = codec.newPassphraseSlot(header.vaultId(), SLOT_ID, now, newPassphrase, newKey,
                        options.slotCosts());
                saveLocked(header.withSlots(List.of(slot)).nextGeneration(now), contents.copy(), newKey);
            } catch (RuntimeException e) {
                newKey.close();
                throw e;
            }
        }
    }

    /** Loads the newest saved state if another process saved since this one loaded. */
    public synchronized void refresh() {
        checkOpen();
        reloadIfChangedUnlocked();
    }

    public synchronized VaultStatus status() {
        return inspect(file, options);
    }

    public synchronized long generation() {
        checkOpen();
        return header.generation();
    }

    public Path path() {
        return file;
    }

    @Override
    public synchronized void close() {
        if (contents != null) {
            contents.close();
            contents = null;
        }
        if (dataKey != null) {
            dataKey.close();
            dataKey = null;
        }
    }

    // ---- internals ---------------------------------------------------------------------------

    private static FileVault fromOpened(Path file, Options options, FileOps ops, V1Codec.Opened opened) {
        try (SecretBytes plaintext = opened.plaintext()) {
            VaultContents contents = PayloadCodec.read(plaintext.bytes());
            return new FileVault(file, options, ops, opened.header(), opened.checksum(), opened.dataKey(), contents);
        } catch (PayloadCodec.PayloadException e) {
            opened.dataKey().close();
            throw e.newerSchema
                    ? new VaultException.Unsupported("The vault " + file + " holds data from a newer pryx (" + e.getMessage()
                    + "). Update pryx to open it.")
                    : new VaultException.Damaged("The vault " + file + " decrypted but its contents are malformed ("
                    + e.getMessage() + "). Run `pryx vault restore` to go back to a backup.", false);
        }
    }

    private void reloadIfChangedUnlocked() {
        byte[] onDisk;
        try {
            onDisk = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new VaultException("The vault file " + file + " cannot be read (" + e.getMessage() + ").", e);
        }
        reloadFrom(onDisk);
    }

    private void reloadIfChangedLocked() {
        if (!exists(file)) {
            throw new VaultException.Missing("The vault " + file + " was removed while pryx had it open. Nothing was saved.");
        }
        reloadIfChangedUnlocked();
    }

    private void reloadFrom(byte[] onDisk) {
        byte[] checksum = V1Codec.headerChecksum(onDisk);
        if (checksum != null && MessageDigest.isEqual(checksum, loadedChecksum)) {
            return;
        }
        try {
            if (!codec.parse(onDisk).header().vaultId().equals(header.vaultId())) {
                throw replaced();
            }
            V1Codec.Opened opened = codec.open(onDisk, dataKey);
            FileVault fresh = fromOpened(file, options, ops, opened);
            contents.close();
            dataKey.close();
            header = fresh.header;
            loadedChecksum = fresh.loadedChecksum;
            dataKey = fresh.dataKey;
            contents = fresh.contents;
            log().debug("reloaded vault generation {} saved by another process", header.generation());
        } catch (VaultFormatException e) {
            if (e.problem() == VaultFormatException.Problem.WRONG_DATA_KEY) {
                throw new VaultException("The vault's passphrase was changed by another process since pryx opened it. "
                        + "Nothing was saved; run the command again with the new passphrase.");
            }
            throw e.problem() == VaultFormatException.Problem.DAMAGED
                    ? new VaultException.Damaged("The vault " + file + " was changed by another process and no longer opens ("
                    + e.detail() + "). Nothing was saved; run `pryx vault status`.", false)
                    : new VaultException.Unsupported("The vault " + file + " was rewritten by another pryx in a format this one "
                    + "does not read (" + e.detail() + "). Nothing was saved.");
        }
    }

    private VaultException replaced() {
        return new VaultException("The vault " + file + " was replaced by another vault since it was opened. "
                + "Nothing was saved; open it again.");
    }

    /** Encrypts, verifies, and writes {@code next} under {@code newHeader}; the caller holds the lock. */
    private void saveLocked(VaultHeader newHeader, VaultContents next) {
        saveLocked(newHeader, next, dataKey);
    }

    /** As above, under {@code key}, which becomes this vault's data key once the save succeeded. */
    private void saveLocked(VaultHeader newHeader, VaultContents next, SecretBytes key) {
        byte[] plaintext = PayloadCodec.write(next);
        try {
            byte[] bytes;
            try {
                bytes = codec.write(newHeader, key, plaintext);
            } catch (IllegalArgumentException tooLarge) {
                throw new VaultException("The vault would grow past its size limit (" + tooLarge.getMessage()
                        + "); nothing was saved. Remove entries you no longer need.");
            }
            verifyInMemory(bytes, plaintext, key);
            writeAtomically(bytes);
            byte[] checksum = V1Codec.headerChecksum(bytes);
            if (contents != null && contents != next) {
                contents.close();
            }
            if (dataKey != null && dataKey != key) {
                dataKey.close();
            }
            header = newHeader;
            contents = next;
            dataKey = key;
            loadedChecksum = checksum;
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private void verifyInMemory(byte[] bytes, byte[] plaintext, SecretBytes key) {
        try {
            V1Codec.Opened check = codec.open(bytes, key);
            try (SecretBytes decrypted = check.plaintext(); SecretBytes copyOfKey = check.dataKey()) {
                if (!MessageDigest.isEqual(decrypted.bytes(), plaintext)) {
                    throw new VaultException("The vault's encryption did not round-trip in memory; nothing was written. "
                            + "This is a bug: please report it.");
                }
            }
        } catch (VaultFormatException e) {
            throw new VaultException("The freshly encrypted vault does not open (" + e.detail()
                    + "); nothing was written. This is a bug: please report it.");
        }
    }

    private void writeAtomically(byte[] bytes) {
        Path dir = file.getParent();
        Path temp = tempFile(file);
        boolean created = false;
        try {
            FileChannel channel;
            try {
                channel = ops.createNew(temp);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
                    throw new VaultException("Refusing to save: " + temp + " exists and is not a regular file (a link?). "
                            + "Remove it after checking where it came from, then try again.");
                }
                // A stray temp file from a crashed save; we hold the lock, so it is no one's.
                Files.delete(temp);
                channel = ops.createNew(temp);
            }
            created = true;
            try (FileChannel ch = channel) {
                ops.write(ch, ByteBuffer.wrap(bytes));
                ops.force(ch);
            }
            if (exists(file)) {
                keepBackup();
            }
            ops.moveAtomically(temp, file);
            created = false;
            try {
                ops.forceDirectory(dir);
            } catch (IOException e) {
                // The rename has happened and the new vault is in place; only its durability across
                // a power cut is in doubt, which the next save's fsync settles.
                log().warn("fsync of directory {} failed after saving the vault: {}", dir, e.toString());
            }
            pruneBackups();
        } catch (IOException e) {
            throw new VaultException("Saving the vault failed (" + describe(e) + "). The previous version is intact; "
                    + "free some space or fix the problem and try again.", e);
        } finally {
            if (created) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    log().warn("cannot remove temp file {}: {}", temp, e.toString());
                }
            }
        }
    }

    private void keepBackup() throws IOException {
        Path dir = PrivateFiles.createPrivateDirectories(backupDirectory(file));
        Path backup = dir.resolve(String.format("vault-%010d.pryx", header.generation()));
        if (!Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
            ops.link(backup, file);
            ops.forceDirectory(dir);
        }
    }

    private void pruneBackups() {
        pruneBackups(file, options.keepBackups());
    }

    private static void pruneBackups(Path file, int keep) {
        List<VaultStatus.Backup> all = backups(file);
        for (int i = keep; i < all.size(); i++) {
            try {
                Files.deleteIfExists(all.get(i).path());
            } catch (IOException e) {
                log().warn("cannot prune backup {}: {}", all.get(i).path(), e.toString());
            }
        }
    }

    private static byte[] readChecked(Path file, Options options) {
        if (!exists(file)) {
            throw new VaultException.Missing("No vault exists at " + file + ". Create one with `pryx vault init`.");
        }
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new VaultException("The vault path " + file + " is not a regular file (a link or directory?). "
                    + "Point PRYX_HOME at the real location instead.");
        }
        checkPermissions(file.getParent(), options);
        checkPermissions(file, options);
        try {
            long size = Files.size(file);
            if (size > V1Codec.MAX_FILE_BYTES) {
                throw new VaultException.Damaged("The vault file " + file + " is damaged: it is larger than "
                        + (V1Codec.MAX_FILE_BYTES >> 20) + " MiB. Run `pryx vault restore` to use a backup.", false);
            }
            return Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new VaultException.Permissions("The vault file " + file + " cannot be read: permission denied. "
                    + "Check that it belongs to you (chmod 600).");
        } catch (IOException e) {
            throw new VaultException("The vault file " + file + " cannot be read (" + describe(e) + ").", e);
        }
    }

    private static void checkPermissions(Path path, Options options) {
        if (options.allowOpenPermissions()) {
            return;
        }
        try {
            Optional<String> mode = PrivateFiles.openToOthers(path);
            if (mode.isPresent()) {
                boolean dir = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                throw new VaultException.Permissions("The vault " + (dir ? "directory " : "file ") + path
                        + " is accessible to other users (mode " + mode.get() + "). Run `chmod " + (dir ? "700 " : "600 ")
                        + path + "` and try again.");
            }
        } catch (NoSuchFileException e) {
            // Checked again when it is read.
        } catch (IOException e) {
            throw new VaultException("The permissions of " + path + " cannot be read (" + describe(e) + ").", e);
        }
    }

    /**
     * Removes what a save killed half-way leaves behind: its temp file, and the extra backup it
     * linked before the rename (the prune comes after the rename).
     */
    private static void tidyAfterInterruptedSave(Path file, Options options) {
        // Only under the lock: a temp file may belong to a save in progress in another process.
        Optional<VaultLock> lock = VaultLock.tryAcquire(lockFile(file));
        if (lock.isEmpty()) {
            return;
        }
        try (VaultLock held = lock.get()) {
            Path temp = tempFile(file);
            if (Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(temp);
                log().info("removed {} left by an interrupted save", temp);
            }
            pruneBackups(file, options.keepBackups());
        } catch (IOException e) {
            log().warn("cannot remove stray temp file beside {}: {}", file, e.toString());
        }
    }

    /** The file a restore replaces: its generation (0 when unreadable), and whether the save keeps it as a backup. */
    private record Replaced(long generation, boolean keptAsBackup) {
    }

    /**
     * Decides what happens to the file a restore replaces. Intact (whether or not this passphrase
     * opens it): kept by the save as an ordinary backup. Damaged: moved aside as
     * {@code vault.pryx.damaged-<time>}. Of a newer format: refused, since an older backup must not
     * silently replace it.
     */
    private static Replaced setAsideCurrent(Path file, Secret passphrase, V1Codec codec,
                                            Map<KdfParameters, SecretBytes> derived, Options options) {
        byte[] bytes;
        try {
            bytes = Files.size(file) > V1Codec.MAX_FILE_BYTES ? new byte[0] : Files.readAllBytes(file);
        } catch (IOException e) {
            throw new VaultException("The current vault " + file + " cannot be read (" + describe(e)
                    + "); nothing was restored.", e);
        }
        try {
            V1Codec.Opened current = codec.unlock(bytes, passphrase, derived);
            current.dataKey().close();
            current.plaintext().close();
            return new Replaced(current.header().generation(), true);
        } catch (VaultFormatException e) {
            switch (e.problem()) {
                case WRONG_PASSPHRASE:
                case INSUFFICIENT_MEMORY:
                    return new Replaced(readableGeneration(bytes, codec), true);
                case UNSUPPORTED_VERSION:
                    throw new VaultException.Unsupported("The current vault " + file + " was written by a newer pryx ("
                            + e.detail() + "); restoring would replace it with an older backup. Nothing was changed.");
                default:
                    long generation = readableGeneration(bytes, codec);
                    moveAside(file, options);
                    return new Replaced(generation, false);
            }
        }
    }

    /** The generation in the header when the header is intact (the payload may not be); else 0. */
    private static long readableGeneration(byte[] bytes, V1Codec codec) {
        try {
            return codec.parse(bytes).header().generation();
        } catch (VaultFormatException e) {
            return 0;
        }
    }

    private static void moveAside(Path file, Options options) {
        Path aside = file.resolveSibling(file.getFileName() + ".damaged-"
                + now(options).toString().replace(':', '-'));
        try {
            Files.move(file, aside);
        } catch (IOException e) {
            throw new VaultException("The damaged vault cannot be moved aside to " + aside + " (" + describe(e)
                    + "). Nothing was changed.", e);
        }
        log().warn("moved the unreadable vault aside to {}", aside);
    }

    private static Optional<Long> newestBackupThatOpens(Path file, Secret passphrase, Options options,
                                                        Map<KdfParameters, SecretBytes> derived) {
        V1Codec codec = new V1Codec(options.bounds(), options.random());
        for (VaultStatus.Backup b : backups(file)) {
            try {
                V1Codec.Opened opened = codec.unlock(Files.readAllBytes(b.path()), passphrase, derived);
                opened.dataKey().close();
                opened.plaintext().close();
                return Optional.of(b.generation());
            } catch (VaultFormatException | IOException e) {
                log().debug("backup {} does not open: {}", b.path(), e.toString());
            }
        }
        return Optional.empty();
    }

    private static VaultException translate(Path file, VaultFormatException e, java.util.function.BooleanSupplier backupOpens) {
        switch (e.problem()) {
            case WRONG_PASSPHRASE:
                return new VaultException.WrongPassphrase("Wrong passphrase for the vault " + file
                        + ". Try again, or check PRYX_VAULT_PASSPHRASE / PRYX_VAULT_PASSPHRASE_FILE.");
            case INSUFFICIENT_MEMORY:
                return new VaultException("The vault " + file + " cannot be opened here: " + e.detail()
                        + ". Give Java more memory, e.g. PRYX_JAVA_OPTS=-Xmx512m.");
            case UNSUPPORTED_VERSION:
                return new VaultException.Unsupported("The vault " + file + " cannot be opened: " + e.detail()
                        + ". Update pryx, or run `pryx vault restore` if the file was damaged.");
            case DAMAGED:
            default:
                boolean restorable = backupOpens.getAsBoolean();
                return new VaultException.Damaged("The vault file " + file + " is damaged: " + e.detail() + ". "
                        + (restorable ? "A backup opens with this passphrase: run `pryx vault restore` to use it."
                        : "No backup opens with this passphrase (backups keep the passphrase they were saved with); "
                        + "keep the file and see `pryx vault status`."), restorable);
        }
    }

    /** Times in the header are kept to the millisecond: finer adds noise, not information. */
    private static Instant now(Options options) {
        return options.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    static Path lockFile(Path file) {
        return file.resolveSibling("vault.lock");
    }

    static Path tempFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".tmp");
    }

    static Path backupDirectory(Path file) {
        return file.resolveSibling(BACKUP_DIRECTORY);
    }

    private void checkOpen() {
        if (contents == null) {
            throw new IllegalStateException("the vault is closed");
        }
    }
}
