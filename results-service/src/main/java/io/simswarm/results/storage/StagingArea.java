package io.simswarm.results.storage;

import io.quarkus.logging.Log;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * The staging folders of one results-service process, and the sweep of those that dead processes left behind.
 *
 * <p>Each process stages its uploads under {@code STAGING/INSTANCE/}, where {@code INSTANCE} is new at every
 * start, and holds an exclusive lock on {@code STAGING/INSTANCE.lock} for as long as it lives: the operating system
 * releases the lock when the process dies, however it dies. The lock is taken before the folder is made, so a
 * folder whose lock can be taken belongs to no living process. Several instances may share one staging folder
 * (replicas on one volume): each sweeps only what no living instance holds.
 */
public final class StagingArea {

    private static final String LOCK_SUFFIX = ".lock";

    private final Path root;
    private final Path own;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StagingArea(Path root, Path own, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.own = own;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Takes a new instance folder under {@code root} and removes what dead instances left there. */
    public static StagingArea open(Path root) throws IOException {
        Path normalized = root.toAbsolutePath().normalize();
        Files.createDirectories(normalized);
        String instance = UUID.randomUUID().toString();
        FileChannel channel = FileChannel.open(normalized.resolve(instance + LOCK_SUFFIX),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileLock lock = channel.lock();
        Path own = Files.createDirectory(normalized.resolve(instance));
        StagingArea area = new StagingArea(normalized, own, channel, lock);
        int swept = area.sweep();
        if (swept > 0) {
            Log.infof("removed %d staging folder(s) left by stopped results services in %s", swept, normalized);
        }
        return area;
    }

    /** A new, empty folder to unpack one upload into. */
    public Path newFolder() throws IOException {
        return Files.createDirectory(own.resolve(UUID.randomUUID().toString()));
    }

    /**
     * Removes every folder under the staging root that no living instance holds: folders of stopped instances,
     * and uploads staged directly under the root by earlier versions. Returns how many it removed.
     */
    public int sweep() throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path folder : entries) {
                if (!folder.equals(own) && removeIfAbandoned(folder)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    private boolean removeIfAbandoned(Path folder) throws IOException {
        Path lockFile = root.resolve(folder.getFileName() + LOCK_SUFFIX);
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return false;
            }
            try {
                Folders.deleteTree(folder);
                Files.deleteIfExists(lockFile);
            } finally {
                held.release();
            }
            return true;
        } catch (OverlappingFileLockException e) {
            return false;
        }
    }

    /** The folder of this instance (its uploads in progress). */
    Path ownFolder() {
        return own;
    }

    /** Gives up this instance's folder as a stop would (for tests of the sweep). */
    void release() throws IOException {
        lock.release();
        lockChannel.close();
    }
}
