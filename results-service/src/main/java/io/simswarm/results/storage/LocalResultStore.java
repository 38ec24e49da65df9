package io.simswarm.results.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Result files in a local directory: {@code ROOT/CAMPAIGN/RUN/UPLOAD/...}. Uploads are unpacked into
 * {@code ROOT/.staging/} on the same file system, so publishing one is a single directory rename; what a stopped
 * service left there is swept at start ({@link StagingArea}).
 */
public class LocalResultStore implements ResultStore {

    private final Path root;
    private final StagingArea staging;

    public LocalResultStore(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.staging = StagingArea.open(this.root.resolve(".staging"));
    }

    @Override
    public Path newStagingFolder() throws IOException {
        return staging.newFolder();
    }

    @Override
    public void put(UploadLocation location, Path staged, List<String> paths) throws IOException {
        Path target = folder(location);
        Files.createDirectories(target.getParent());
        Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public InputStream open(UploadLocation location, String path, long offset, long length) throws IOException {
        Path file = folder(location).resolve(path).normalize();
        if (!file.startsWith(folder(location))) {
            throw new NoSuchFileException(path);
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        channel.position(offset);
        InputStream in = Channels.newInputStream(channel);
        return length < 0 ? in : new BoundedInputStream(in, length);
    }

    @Override
    public void delete(UploadLocation location) throws IOException {
        Folders.deleteTree(folder(location));
    }

    @Override
    public void discard(Path staged) {
        Folders.deleteQuietly(staged);
    }

    private Path folder(UploadLocation location) {
        return root.resolve(location.campaignId()).resolve(Integer.toString(location.runNumber()))
                .resolve(Long.toString(location.uploadId()));
    }
}
