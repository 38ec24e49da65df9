package io.simswarm.imagebuild.docker;

import io.simswarm.runner.RunnerBinary;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The runner wrapper ({@code simswarm-runner}, from the runner module) that goes into every image: written once
 * to a temporary file for the build contexts, with its SHA-256 digest, which is part of every spec hash so that a
 * new runner makes new images.
 */
@ApplicationScoped
public class RunnerFile {

    private final Path dir;
    private final Path path;
    private final String digest;

    public RunnerFile() {
        try {
            dir = Files.createTempDirectory("simswarm-build-runner-");
            dir.toFile().deleteOnExit();
            path = RunnerBinary.copyTo(dir.resolve(RunnerBinary.FILE_NAME));
            // Also removed when the JVM exits without destroying the bean; files go first, in reverse order.
            path.toFile().deleteOnExit();
            digest = sha256(path);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the simswarm-runner executable to a temporary folder", e);
        }
    }

    /** The executable on this machine's disk. */
    public Path path() {
        return path;
    }

    /** Lowercase hex SHA-256 of the executable. */
    public String digest() {
        return digest;
    }

    @PreDestroy
    void delete() throws IOException {
        Files.deleteIfExists(path);
        Files.deleteIfExists(dir);
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
