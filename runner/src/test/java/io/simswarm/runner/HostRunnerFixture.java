package io.simswarm.runner;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that run the runner on the host with examples/queueing, uploading to a local endpoint: each test gets a
 * fresh endpoint and TMPDIR, and must leave no run directory or archive behind.
 */
abstract class HostRunnerFixture {

    protected UploadServer uploads;

    @TempDir
    protected Path tmp;

    @BeforeEach
    void startEndpoint() throws IOException {
        uploads = UploadServer.start();
    }

    @AfterEach
    void stopEndpointAndCheckCleanUp() throws IOException {
        uploads.close();
        try (Stream<Path> left = Files.list(tmp)) {
            assertThat(left).as("run directories or archives left in TMPDIR").isEmpty();
        }
    }

    /**
     * The environment of a list-mode runner uploading to this test's endpoint with this test's TMPDIR; MORE are further
     * name, value pairs.
     */
    protected Map<String, String> listModeEnv(String command, String config, String runs, String tokens,
                                              String... more) {
        Map<String, String> env = new HashMap<>(Map.of(
                "SIMSWARM_RUN_COMMAND", command,
                "SIMSWARM_CONFIG", config,
                "SIMSWARM_RUNS", runs,
                "SIMSWARM_TOKENS", tokens,
                "SIMSWARM_UPLOAD_URL", uploads.urlTemplate(),
                "TMPDIR", tmp.toString()));
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    protected static RunnerProcess.Result run(Map<String, String> env) {
        return RunnerProcess.run(QueueingExample.hostBuild(), env);
    }
}
