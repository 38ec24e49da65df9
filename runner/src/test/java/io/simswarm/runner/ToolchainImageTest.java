package io.simswarm.runner;

import io.simswarm.runner.LeaseServer.Grant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The runner inside simswarm/toolchain:bookworm (Debian minbase with g++ and make, no curl, wget
 * or Python), mounted at its image path, with examples/queueing built by make inside the image.
 * The container shares the host network, so it reaches the test endpoints on 127.0.0.1.
 */
class ToolchainImageTest {

    private UploadServer uploads;

    @BeforeEach
    void startEndpoint() throws IOException {
        uploads = UploadServer.start();
    }

    @AfterEach
    void stopEndpoint() {
        uploads.close();
    }

    @AfterAll
    static void removeLeftoverContainers() {
        Docker.removeOurContainers();
    }

    private static Exec.Outcome runnerInImage(Map<String, String> env) {
        String binDir = RunnerProcess.binary().getParent().toString();
        List<String> args = new ArrayList<>(List.of("--network", "host",
                "-v", binDir + ":/opt/simswarm/bin:ro",
                "-v", QueueingExample.dockerBuild() + ":/sim", "-w", "/sim"));
        new TreeMap<>(env).forEach((name, value) -> args.addAll(List.of("-e", name + "=" + value)));
        return Docker.run(args, RunnerBinary.IMAGE_PATH);
    }

    @Test
    void theImageHasNoDownloaderOrInterpreterToLeanOn() {
        var which = Docker.run(List.of(), "sh", "-c", "command -v curl wget python3 python || echo none");

        assertThat(which.output().trim()).isEqualTo("none");
    }

    @Test
    void listModeRunsAndUploadsInsideTheImage() {
        var outcome = runnerInImage(Map.of(
                "SIMSWARM_RUN_COMMAND", "./queueing",
                "SIMSWARM_CONFIG", "MMc",
                "SIMSWARM_SIM_ARGS", "--sim-time-limit=20s",
                "SIMSWARM_RUNS", "0;1,22",
                "SIMSWARM_TOKENS", "t0;t1,t22",
                "SIMSWARM_SLOT", "1",
                "SIMSWARM_UPLOAD_URL", uploads.urlTemplate()));

        assertThat(outcome.exitCode()).as(outcome.output()).isZero();
        assertThat(uploads.uploads()).extracting(UploadServer.Upload::run).containsExactlyInAnyOrder(1, 22);
        for (int run : List.of(1, 22)) {
            var upload = uploads.uploadOf(run);
            assertThat(upload.authorization()).isEqualTo("Bearer t" + run);
            assertThat(upload.entries().keySet()).containsExactlyInAnyOrderElementsOf(
                    QueueingExample.expectedEntries("MMc", run, "--sim-time-limit=20s"));
        }
        assertThat(outcome.output()).contains("Preparing for running configuration MMc, run #22");
    }

    @Test
    void aFailingRunInsideTheImageIsNotUploaded() {
        var outcome = runnerInImage(Map.of(
                "SIMSWARM_RUN_COMMAND", "./queueing",
                "SIMSWARM_CONFIG", "Faulty",
                "SIMSWARM_SIM_ARGS", "--sim-time-limit=2s",
                "SIMSWARM_RUNS", "4",
                "SIMSWARM_TOKENS", "t4",
                "SIMSWARM_UPLOAD_URL", uploads.urlTemplate()));

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.output()).contains("<!> Error: Injected failure: run 4 of config Faulty");
        assertThat(uploads.uploads()).isEmpty();
    }

    @Test
    void pilotModeLeasesRunsInsideTheImage() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, Grant.of(2), Grant.of(9), Grant.of(17))) {
            var outcome = runnerInImage(Map.of(
                    "SIMSWARM_RUN_COMMAND", "./queueing",
                    "SIMSWARM_CONFIG", "Quick",
                    "SIMSWARM_LEASE_URL", scheduler.url(),
                    "SIMSWARM_LEASE_TOKEN", LeaseServer.TOKEN));

            assertThat(outcome.exitCode()).as(outcome.output()).isZero();
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::run, LeaseServer.Finish::exitCode,
                    LeaseServer.Finish::upload).containsExactly(
                    tuple(2, "0", "ok"),
                    tuple(9, "0", "ok"),
                    tuple(17, "0", "ok"));
            for (int run : List.of(2, 9, 17)) {
                assertThat(uploads.uploadOf(run).entries().keySet())
                        .containsExactlyInAnyOrderElementsOf(QueueingExample.expectedEntries("Quick", run));
            }
            assertThat(scheduler.workers()).allMatch(w -> !w.isBlank() && !w.equals("null"));
        }
    }
}
