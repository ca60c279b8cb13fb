package dev.pryx.vault;

import dev.pryx.support.PrivateFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exclusive writer lock: an OS lock on a side file {@code vault.lock}, which the kernel
 * releases when the process dies, so there are no stale locks. The holder's pid is written into
 * the file so that a waiting process can say who is busy. Threads of one JVM queue on an
 * in-process lock first, because the OS lock is per process.
 */
final class VaultLock implements AutoCloseable {
    private static final Map<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock lock;

    private VaultLock(ReentrantLock threadLock, FileChannel channel, FileLock lock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits up to {@code wait} for the lock, then fails with a message naming the holder. */
    static VaultLock acquire(Path lockFile, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key(lockFile), p -> new ReentrantLock());
        try {
            if (!threadLock.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(lockFile);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaultException("Interrupted while waiting for the vault lock.", e);
        }
        FileChannel channel = null;
        try {
            channel = open(lockFile);
            long sleepMillis = 2;
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    // Another thread of this JVM holds it through a path spelled differently.
                    lock = null;
                }
                if (lock != null) {
                    recordHolder(channel);
                    return new VaultLock(threadLock, channel, lock);
                }
                if (System.nanoTime() > deadline) {
                    throw busy(lockFile);
                }
                Thread.sleep(sleepMillis);
                sleepMillis = Math.min(50, sleepMillis * 2);
            }
        } catch (IOException e) {
            release(threadLock, channel);
            throw new VaultException("The vault lock file " + lockFile + " cannot be used (" + e.getMessage()
                    + "). Check the directory's permissions.", e);
        } catch (InterruptedException e) {
            release(threadLock, channel);
            Thread.currentThread().interrupt();
            throw new VaultException("Interrupted while waiting for the vault lock.", e);
        } catch (RuntimeException e) {
            release(threadLock, channel);
            throw e;
        }
    }

    /** The lock if it is free right now; empty when another thread or process holds it. */
    static Optional<VaultLock> tryAcquire(Path lockFile) {
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(key(lockFile), p -> new ReentrantLock());
        if (!threadLock.tryLock()) {
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            channel = open(lockFile);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                release(threadLock, channel);
                return Optional.empty();
            }
            recordHolder(channel);
            return Optional.of(new VaultLock(threadLock, channel, lock));
        } catch (IOException | RuntimeException e) {
            release(threadLock, channel);
            return Optional.empty();
        }
    }

    /** Undoes a failed acquisition: closing the channel also drops any OS lock taken on it. */
    private static void release(ReentrantLock threadLock, FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // Nothing more can be done; the OS releases it at exit in any case.
        } finally {
            threadLock.unlock();
        }
    }

    /** One in-process lock per file, however its path is spelled (symlinked directories included). */
    private static Path key(Path lockFile) {
        Path absolute = lockFile.toAbsolutePath().normalize();
        try {
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            return absolute;
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        return FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS), PrivateFiles.ownerOnlyFile());
    }

    private static void recordHolder(FileChannel channel) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
    }

    private static VaultException busy(Path lockFile) {
        String holder = "another process";
        try {
            String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).trim();
            if (pid.matches("\\d{1,10}")) {
                holder = "process " + pid;
            }
        } catch (IOException | RuntimeException e) {
            // The holder is only named for the message; not knowing it changes nothing.
        }
        return new VaultException.Busy("The vault is busy: " + holder + " is saving it. Wait for it to finish and try again.");
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the lock in any case.
        } finally {
            threadLock.unlock();
        }
    }
}
