package io.simswarm.results.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The object store of result files. An upload is unpacked into a staging folder on local disk, then
 * {@link #put published} under its own upload location; which upload of a run is current is decided in
 * PostgreSQL, so replacing a run's files never mixes old and new ones. Old uploads are {@link #delete deleted}
 * later.
 */
public interface ResultStore {

    /** A new, empty local folder to unpack one upload into. */
    Path newStagingFolder() throws IOException;

    /** Makes the staged files (paths relative to {@code staged}) readable under {@code location}. */
    void put(UploadLocation location, Path staged, List<String> paths) throws IOException;

    /** Reads {@code length} bytes of a stored file from {@code offset}; {@code length < 0} reads to the end. */
    InputStream open(UploadLocation location, String path, long offset, long length) throws IOException;

    default InputStream open(UploadLocation location, String path) throws IOException {
        return open(location, path, 0, -1);
    }

    /** Removes every file of the upload; nothing happens when there is none. */
    void delete(UploadLocation location) throws IOException;

    /** Removes a staging folder and what is in it. */
    void discard(Path staged);
}
