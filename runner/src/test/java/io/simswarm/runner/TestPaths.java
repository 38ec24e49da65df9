package io.simswarm.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Directories the tests use. The Maven build sets them (surefire system properties); otherwise
 * they are found from where the test classes are (runner/target/test-classes).
 */
final class TestPaths {

    private TestPaths() {
    }

    /** The repository's examples/ directory. */
    static Path examples() {
        String set = System.getProperty("simswarm.examples.dir");
        return (set != null ? Path.of(set) : module().resolve("../examples")).toAbsolutePath().normalize();
    }

    /** A scratch directory under target/, created on first use. */
    static Path work() {
        String set = System.getProperty("simswarm.work.dir");
        Path dir = (set != null ? Path.of(set) : module().resolve("target/test-work")).toAbsolutePath().normalize();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path module() {
        try {
            Path classes = Path.of(TestPaths.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return classes.resolve("../..").normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
