package io.simswarm.runner;

import io.simswarm.runner.LeaseServer.Grant;
import io.simswarm.runner.LeaseServer.Refuse;
import io.simswarm.runner.LeaseServer.Wait;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Pilot mode on the host against a scripted lease resource. */
class PilotModeTest extends PilotFixture {

    private static final String LONG_RUN = "--sim-time-limit=5000000s";

    @Test
    void leasesRunsUntilNoneIsLeftAndReportsEachEnd() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, Grant.of(0), Grant.of(3), Grant.of(7))) {
            var result = run(env(scheduler.url(), "Quick"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(scheduler.leaseRequests()).as("later leases come with the answers to finish calls")
                    .isEqualTo(1);
            assertThat(scheduler.answersOnFinish()).isEqualTo(3);
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::run).containsExactly(0, 3, 7);
            for (var finish : scheduler.finishes()) {
                assertThat(finish.exitCode()).isEqualTo("0");
                assertThat(finish.upload()).isEqualTo("ok");
                assertThat(finish.stopped()).isNull();
                assertThat(Long.parseLong(finish.durationMs())).isNotNegative();
                assertThat(finish.contentType()).startsWith("text/plain");
                assertThat(finish.lines()).hasSizeLessThanOrEqualTo(50).last().isEqualTo("End.");
            }
            for (int run : List.of(0, 3, 7)) {
                var upload = uploads.uploadOf(run);
                assertThat(upload.authorization()).isEqualTo("Bearer " + LeaseServer.tokenOf(run));
                assertThat(upload.entries().keySet())
                        .containsExactlyInAnyOrderElementsOf(QueueingExample.expectedEntries("Quick", run));
            }
            String hostname = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
            assertThat(scheduler.workers()).isNotEmpty().allMatch(hostname::equals);
            assertThat(scheduler.authorizations()).allMatch(("Bearer " + LeaseServer.TOKEN)::equals);
            assertThat(result.stderr()).contains("simswarm-runner: pilot done after 3 run(s): no run left");
        }
    }

    static Stream<String> workerIdentities() {
        return Stream.of("node-1/w3fd0vyt0y1t2bqn9l0vqz5r6", "w".repeat(255) + "~");
    }

    @ParameterizedTest
    @MethodSource("workerIdentities")
    void simswarmWorkerIsSentAsTheWorkersIdentity(String worker) throws IOException {
        try (var scheduler = LeaseServer.start(uploads, new Grant(0, 1, 1, true))) {
            var result = run(env(scheduler.url(), "General", "SIMSWARM_WORKER", worker, "SIMSWARM_SIM_ARGS", LONG_RUN));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(scheduler.heartbeats()).isPositive();
            assertThat(scheduler.finishes()).hasSize(1);
            assertThat(scheduler.workers()).as("lease request, heartbeat and finish").hasSizeGreaterThanOrEqualTo(3)
                    .containsOnly(worker);
        }
    }

    @Test
    void asksWithLeaseRequestsWhenFinishCallsCarryNoLease() throws IOException {
        try (var scheduler = LeaseServer.startPlain(uploads, Grant.of(0), Grant.of(3), Grant.of(7))) {
            var result = run(env(scheduler.url(), "Quick"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(scheduler.leaseRequests()).isEqualTo(4);
            assertThat(scheduler.answersOnFinish()).isZero();
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::run).containsExactly(0, 3, 7);
            assertThat(result.stderr()).contains("simswarm-runner: pilot done after 3 run(s): no run left");
        }
    }

    @Test
    void waitsAsToldThenLeasesAgain() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, new Wait(1), Grant.of(2))) {
            var result = run(env(scheduler.url(), "Quick"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(scheduler.leaseRequests()).isEqualTo(2);
            assertThat(scheduler.finishOf(2).upload()).isEqualTo("ok");
        }
    }

    @Test
    void aWaitInTheAnswerToAFinishCallIsFollowedByALeaseRequest() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, Grant.of(0), new Wait(1), Grant.of(5))) {
            var result = run(env(scheduler.url(), "Quick"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(scheduler.leaseRequests()).isEqualTo(2);
            assertThat(scheduler.answersOnFinish()).isEqualTo(2);
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::run).containsExactly(0, 5);
        }
    }

    @Test
    void aFailedRunIsReportedWithItsOutputTailAndNotUploaded() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, Grant.of(1), Grant.of(0))) {
            var result = run(env(scheduler.url(), "Faulty", "SIMSWARM_SIM_ARGS", "--sim-time-limit=2s"));

            assertThat(result.exitCode()).as("a failed run does not end the pilot").isZero();
            var failed = scheduler.finishOf(1);
            assertThat(failed.exitCode()).isEqualTo("1");
            assertThat(failed.upload()).isEqualTo("skipped");
            assertThat(failed.stopped()).as("a run that failed by itself was not stopped").isNull();
            assertThat(failed.body()).contains("<!> Error: Injected failure: run 1 of config Faulty");
            assertThat(failed.lines()).hasSizeLessThanOrEqualTo(50).last()
                    .isEqualTo("simswarm-runner: the run ended with exit code 1");
            assertThat(scheduler.finishOf(0).upload()).isEqualTo("ok");
            assertThat(uploads.uploads()).extracting(UploadServer.Upload::run).containsExactly(0);
        }
    }

    @Test
    void theFinishBodyIsTheLast50LinesOfOutput(@TempDir Path dir) throws IOException {
        try (var scheduler = LeaseServer.start(uploads, Grant.of(4))) {
            var env = env(scheduler.url(), "Fake", "SIMSWARM_RUN_COMMAND", FakeSimulation.installIn(dir),
                    "FAKE_MODE", "lines");

            var result = RunnerProcess.run(dir, env);

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(scheduler.finishOf(4).lines()).containsExactlyElementsOf(
                    IntStream.rangeClosed(71, 120).mapToObj(i -> "output line " + i).toList());
        }
    }

    @Test
    void aWithdrawnLeaseKillsTheRunAndSkipsTheUpload() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, new Grant(0, 1, 1, true))) {
            var result = run(env(scheduler.url(), "General", "SIMSWARM_SIM_ARGS", LONG_RUN));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(scheduler.heartbeats()).isPositive();
            var finish = scheduler.finishOf(0);
            assertThat(finish.exitCode()).isEqualTo("143");
            assertThat(finish.upload()).isEqualTo("skipped");
            assertThat(finish.body()).contains("simswarm-runner: the scheduler withdrew the lease: terminating the run");
            assertThat(uploads.uploads()).isEmpty();
        }
    }

    @Test
    void heartbeatsWhileRunningAndReportsATimeOutAs124() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, new Grant(0, 2, 1, false))) {
            var result = run(env(scheduler.url(), "General", "SIMSWARM_SIM_ARGS", LONG_RUN,
                    "SIMSWARM_RUN_TIMEOUT", "3"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(scheduler.heartbeats()).isPositive();
            var finish = scheduler.finishOf(0);
            assertThat(finish.exitCode()).isEqualTo("124");
            assertThat(finish.upload()).isEqualTo("skipped");
            assertThat(finish.body()).contains("simswarm-runner: the run exceeded SIMSWARM_RUN_TIMEOUT=3 s");
            assertThat(uploads.uploads()).isEmpty();
        }
    }

    @Test
    void anUploadFailureIsReportedAsFailedWithItsReason() throws IOException {
        uploads.answer(401, "invalid run token\n");
        try (var scheduler = LeaseServer.start(uploads, Grant.of(5))) {
            var result = run(env(scheduler.url(), "Quick"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            var finish = scheduler.finishOf(5);
            assertThat(finish.exitCode()).isEqualTo("0");
            assertThat(finish.upload()).isEqualTo("failed");
            assertThat(finish.lines()).last().isEqualTo("simswarm-runner: run 5: upload to " + uploads.url(5)
                    + " failed: HTTP 401: invalid run token");
        }
    }

    @Test
    void aStopSignalEndsTheRunReportsItAndStopsLeasing() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, new Grant(0, 1, 1, false), Grant.of(1))) {
            var started = RunnerProcess.start(QueueingExample.hostBuild(),
                    env(scheduler.url(), "General", "SIMSWARM_SIM_ARGS", LONG_RUN));
            await().atMost(Duration.ofMinutes(2)).until(() -> scheduler.heartbeats() > 0);

            started.process().destroy(); // SIGTERM, as docker stop sends
            var result = started.await();

            assertThat(result.exitCode()).isEqualTo(143);
            var finish = scheduler.finishOf(0);
            assertThat(finish.upload()).isEqualTo("skipped");
            assertThat(finish.body()).contains("simswarm-runner: the runner was asked to stop: terminating the run");
            assertThat(finish.stopped()).as("X-Stopped: the run was stopped, it did not fail").isEqualTo("1");
            assertThat(scheduler.leaseRequests()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedLeaseRequestEndsTheRunnerWithOneClearLine() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, Grant.of(0))) {
            var result = run(env(scheduler.url(), "Quick", "SIMSWARM_LEASE_TOKEN", "not-the-token"));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderrLines()).contains(
                    "simswarm-runner: the scheduler refused to lease a run: HTTP 401: invalid lease token for campaign c1");
            assertThat(scheduler.finishes()).isEmpty();
        }
    }

    @Test
    void anUnreadableLeaseEndsTheRunner() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, new Refuse(200, "nonsense\n"))) {
            var result = run(env(scheduler.url(), "Quick"));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderrLines()).contains("simswarm-runner: the scheduler answered an unreadable lease "
                    + "(missing or malformed 'lease' line): nonsense");
        }
    }

    @Test
    void anUnavailableSchedulerIsAskedAgain() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, new Refuse(503, "restarting\n"), Grant.of(6))) {
            var result = run(env(scheduler.url(), "Quick"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(scheduler.leaseRequests()).as("503, then the lease of run 6").isEqualTo(2);
            assertThat(scheduler.finishOf(6).upload()).isEqualTo("ok");
        }
    }

    @Test
    void anUnreachableSchedulerMakesTheRunnerGiveUp() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/campaigns/c1/leases";

        var result = run(env(url, "Quick", "SIMSWARM_LEASE_GIVEUP", "2"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("simswarm-runner: the scheduler at " + url + " has not answered for ",
                "(last error: cannot connect to 127.0.0.1:" + closedPort + ": Connection refused); giving up "
                        + "(SIMSWARM_LEASE_GIVEUP=2)");
    }
}
