package io.simswarm.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Directories the tests use, set by the Maven build (surefire system properties). */
final class TestPaths {

    private TestPaths() {
    }

    /** The repository's examples/ directory. */
    static Path examples() {
        return Path.of(System.getProperty("simswarm.examples.dir", "../examples")).toAbsolutePath().normalize();
    }

    /** A scratch directory under target/, created on first use. */
    static Path work() {
        Path dir = Path.of(System.getProperty("simswarm.work.dir", "target/test-work")).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
