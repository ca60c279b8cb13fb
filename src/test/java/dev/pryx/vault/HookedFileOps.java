package dev.pryx.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The real file operations with a hook called at each step of a save. Tests make the hook throw
 * (a full disk, a failed fsync or rename) or block until the process is killed (a crash at that
 * exact point).
 */
class HookedFileOps extends FileOps {
    /** The points of a save, in order. */
    enum Step {
        /** Before the temp file is created. */
        CREATE,
        /** Half of the new file is in the temp file, not fsynced. */
        MID_WRITE,
        /** The temp file is complete but not fsynced. */
        FORCE,
        /** The temp file is durable; the current vault is not yet kept as a backup. */
        LINK,
        /** The current vault is linked into backups/; the temp file is not yet renamed. */
        RENAME,
        /** The new vault is in place; its directory is not fsynced and backups are not pruned. */
        AFTER_RENAME
    }

    /** Called at each step; may throw to fail the save there. */
    @FunctionalInterface
    interface Hook {
        void at(Step step) throws IOException;
    }

    private volatile Hook hook = step -> { };
    private boolean renamed;

    void hook(Hook newHook) {
        hook = newHook;
    }

    @Override
    FileChannel createNew(Path path) throws IOException {
        hook.at(Step.CREATE);
        return super.createNew(path);
    }

    @Override
    void write(FileChannel channel, ByteBuffer data) throws IOException {
        ByteBuffer half = data.duplicate();
        half.limit(half.position() + half.remaining() / 2);
        super.write(channel, half);
        data.position(half.position());
        hook.at(Step.MID_WRITE);
        super.write(channel, data);
    }

    @Override
    void force(FileChannel channel) throws IOException {
        hook.at(Step.FORCE);
        super.force(channel);
    }

    @Override
    void link(Path link, Path existing) throws IOException {
        hook.at(Step.LINK);
        super.link(link, existing);
    }

    @Override
    void moveAtomically(Path from, Path to) throws IOException {
        hook.at(Step.RENAME);
        super.moveAtomically(from, to);
        renamed = true;
    }

    @Override
    void forceDirectory(Path dir) throws IOException {
        // A save fsyncs directories twice (the backups directory after its link, too); the step
        // meant here is the first one after the rename.
        if (renamed) {
            renamed = false;
            hook.at(Step.AFTER_RENAME);
        }
        super.forceDirectory(dir);
    }
}
