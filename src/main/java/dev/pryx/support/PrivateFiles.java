package dev.pryx.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** Files and directories only their owner may touch (0600 / 0700). */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private static final Set<PosixFilePermission> GROUP_OR_OTHER = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {
    }

    public static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Attributes that create a file as 0600 from the first instant (no window with a wider mode). */
    public static FileAttribute<?>[] ownerOnlyFile() {
        return posix() ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
                : new FileAttribute<?>[0];
    }

    /**
     * Creates {@code dir} and any missing parents as 0700. An existing directory is left as it
     * is: its owner chose its mode.
     */
    public static Path createPrivateDirectories(Path dir) {
        try {
            if (Files.isDirectory(dir)) {
                return dir;
            }
            if (posix()) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
                // The umask may have narrowed the mode further, never widened it; set it exactly.
                Files.setPosixFilePermissions(dir, OWNER_DIR);
            } else {
                Files.createDirectories(dir);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The mode as octal text ("0644") when it grants anything to group or other, else empty.
     * Follows symbolic links: what matters is the mode of the directory or file actually used.
     */
    public static Optional<String> openToOthers(Path path) throws IOException {
        if (!posix()) {
            return Optional.empty();
        }
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(path);
        for (PosixFilePermission p : perms) {
            if (GROUP_OR_OTHER.contains(p)) {
                return Optional.of(octal(perms));
            }
        }
        return Optional.empty();
    }

    /** The mode as octal text ("0600"), or empty where the file system has no POSIX modes. */
    public static Optional<String> mode(Path path) throws IOException {
        return posix() ? Optional.of(octal(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS)))
                : Optional.empty();
    }

    /**
     * Replaces {@code file} with {@code content} so that a reader finds the old file or the new one,
     * never a part of either: the bytes go to a fresh temporary file beside it (created exclusively
     * and 0600 from the first instant, so a file or link planted in the directory is never written
     * through), are synced, and the temporary file is renamed over the target; then the directory
     * is synced. A missing parent is created 0700. On failure the old file is untouched and the
     * temporary file removed.
     */
    public static void writeAtomically(Path file, byte[] content) throws IOException {
        Path dir = createPrivateDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", ownerOnlyFile());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        // Makes the rename durable on Linux; systems that refuse to open a directory lose nothing here.
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            // The new file is in place; only its durability across a power cut is less certain.
        }
    }

    static String octal(Set<PosixFilePermission> perms) {
        int mode = 0;
        for (PosixFilePermission p : perms) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format("0%03o", mode);
    }
}
