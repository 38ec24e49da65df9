package io.simswarm.scheduler.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The runner binary for the fixture image. */
final class RunnerBinaryLookup {

    private RunnerBinaryLookup() {
    }

    static InputStream open() throws IOException {
        String path = System.getenv("SIMSWARM_RUNNER_BINARY");
        return path == null ? null : Files.newInputStream(Path.of(path));
    }
}
