package dev.pryx.vault;

import dev.pryx.support.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * The file-system steps of a save, one method each, so that tests can make any one of them fail
 * (disk full at write, a failed fsync, a failed rename) and check that nothing was lost.
 */
class FileOps {
    static final FileOps REAL = new FileOps();

    /** A new file, 0600 from its creation; refuses to follow or replace anything already there. */
    FileChannel createNew(Path path) throws IOException {
        return FileChannel.open(path, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS), PrivateFiles.ownerOnlyFile());
    }

    void write(FileChannel channel, ByteBuffer data) throws IOException {
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    void force(FileChannel channel) throws IOException {
        channel.force(true);
    }

    /**
     * Keeps the current vault under a backup name: a hard link, or a copy where links are refused
     * (vfat, exFAT and some network mounts answer EPERM, which Java reports as a plain I/O error).
     */
    void link(Path link, Path existing) throws IOException {
        try {
            Files.createLink(link, existing);
        } catch (UnsupportedOperationException | FileSystemException e) {
            if (e instanceof java.nio.file.FileAlreadyExistsException) {
                throw (java.nio.file.FileAlreadyExistsException) e;
            }
            Files.copy(existing, link, StandardCopyOption.COPY_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        }
    }

    void moveAtomically(Path from, Path to) throws IOException {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Makes the rename itself durable. */
    void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
