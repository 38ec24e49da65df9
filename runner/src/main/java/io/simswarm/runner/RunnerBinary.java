package io.simswarm.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The {@code simswarm-runner} executable (static, Linux x86_64) that this jar carries as a
 * classpath resource. The build service adds it to every image at {@link #IMAGE_PATH}; tests of
 * other modules install it wherever they need it.
 */
public final class RunnerBinary {

    /** Where the runner lives inside every image SimSwarm builds. */
    public static final String IMAGE_PATH = "/opt/simswarm/bin/simswarm-runner";

    /** File name of the executable, also its resource name next to this class. */
    public static final String FILE_NAME = "simswarm-runner";

    private RunnerBinary() {
    }

    /** Opens the executable's bytes; the caller closes the stream. */
    public static InputStream open() {
        InputStream in = RunnerBinary.class.getResourceAsStream(FILE_NAME);
        if (in == null) {
            throw new IllegalStateException("The simswarm-runner executable is missing from the classpath "
                    + "(resource io/simswarm/runner/" + FILE_NAME + "); build the runner module with make available.");
        }
        return in;
    }

    /** The executable's bytes, e.g. for a tar build context. */
    public static byte[] bytes() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the simswarm-runner executable", e);
        }
    }

    /**
     * Writes the executable to {@code target} (parent directories created, an existing file
     * replaced atomically) with mode 0755, and returns {@code target}.
     */
    public static Path copyTo(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, "." + FILE_NAME, ".partial");
        try {
            try (InputStream in = open()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            makeExecutable(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return target;
    }

    private static void makeExecutable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            if (!file.toFile().setExecutable(true, false)) {
                throw new IOException("Cannot make " + file + " executable");
            }
        }
    }
}
