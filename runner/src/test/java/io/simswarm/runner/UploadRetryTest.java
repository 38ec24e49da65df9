package io.simswarm.runner;

import io.simswarm.runner.LeaseServer.Batch;
import io.simswarm.runner.LeaseServer.Grant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Uploads outlive an outage of the results service: the packed archive is sent again with backoff until
 * SIMSWARM_UPLOAD_GIVEUP, one line per retry, while the lease stays alive (pilot mode); answers that are not
 * about availability fail at once; a withdrawn lease or a stop request ends the wait.
 */
class UploadRetryTest extends PilotFixture {

    private static final Duration AT_MOST = Duration.ofMinutes(2);
    private static final Pattern RETRY = Pattern.compile("simswarm-runner: upload of (runs? [0-9,-]+): results "
            + "service unreachable \\((.+)\\), retrying in \\d+\\.\\d s, giving up in \\d+ s");
    private static final Pattern GAVE_UP = Pattern.compile(".* \\((\\d+) attempts in \\d+ s, "
            + "SIMSWARM_UPLOAD_GIVEUP=(\\d+)\\)");

    private static List<String> retryLines(List<String> stderr) {
        return stderr.stream().filter(line -> RETRY.matcher(line).matches()).toList();
    }

    private String refused() {
        return "cannot connect to 127.0.0.1:" + uploads.port() + ": Connection refused";
    }

    /** Waits until the runner has said N times that it will try the upload of WHAT again. */
    private void awaitRetries(RunnerProcess.Started runner, int n, String what) {
        await().atMost(AT_MOST).until(() -> retryLines(runner.stderrLinesSoFar()).stream()
                .filter(line -> line.contains("upload of " + what + ": ")).count() >= n);
    }

    /** A pilot runner of Quick runs, started while the results service is down, once it waits to retry WHAT. */
    private RunnerProcess.Started pilotWaitingToRetry(LeaseServer scheduler, String what) {
        uploads.refuseConnections();
        var runner = RunnerProcess.start(QueueingExample.hostBuild(), env(scheduler.url(), "Quick"));
        awaitRetries(runner, 1, what);
        return runner;
    }

    /** Waits until the scheduler gets one more heartbeat than it had, for the lease of RUN. */
    private static void awaitHeartbeatDuringTheWait(LeaseServer scheduler, int run) {
        int before = scheduler.heartbeats();
        await().atMost(AT_MOST).until(() -> scheduler.heartbeatRuns().stream().skip(before).anyMatch(r -> r == run));
    }

    @Test
    void listModeUploadsOnceTheServiceIsBack() throws IOException {
        uploads.refuseConnections();
        var runner = RunnerProcess.start(QueueingExample.hostBuild(), listModeEnv("./queueing", "Quick", "3", "t",
                "SIMSWARM_UPLOAD_GIVEUP", "120"));
        awaitRetries(runner, 2, "run 3");

        uploads.acceptConnections();
        var result = runner.await();

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(uploads.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.run()).isEqualTo(3);
            assertThat(upload.entries().keySet())
                    .containsExactlyInAnyOrderElementsOf(QueueingExample.expectedEntries("Quick", 3));
        });
        assertThat(retryLines(result.stderrLines())).hasSizeGreaterThanOrEqualTo(2)
                .allMatch(line -> line.startsWith("simswarm-runner: upload of run 3: results service unreachable ("
                        + refused() + "), retrying in "));
    }

    @Test
    void pilotModeHeartbeatsTheLeaseWhileTheUploadWaits() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, new Grant(5, 1, 1, false))) {
            var runner = pilotWaitingToRetry(scheduler, "run 5");
            awaitHeartbeatDuringTheWait(scheduler, 5);

            uploads.acceptConnections();
            var result = runner.await();

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(uploads.uploads()).extracting(UploadServer.Upload::run).containsExactly(5);
            assertThat(scheduler.finishOf(5).upload()).isEqualTo("ok");
            assertThat(scheduler.heartbeatRuns()).isNotEmpty().containsOnly(5);
        }
    }

    @Test
    void aGroupUploadWaitsForTheServiceHeartbeatingALeaseOfTheBatch() throws IOException {
        var batch = new Batch(List.of(new Grant(0, 1, 1, false), new Grant(1, 1, 1, false),
                new Grant(2, 1, 1, false)), true);
        try (var scheduler = LeaseServer.start(uploads, batch)) {
            var runner = pilotWaitingToRetry(scheduler, "runs 0-2");
            awaitHeartbeatDuringTheWait(scheduler, 0);

            uploads.acceptConnections();
            var result = runner.await();

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(uploads.groupUploads()).singleElement()
                    .satisfies(group -> assertThat(group.folders()).containsOnlyKeys("0", "1", "2"));
            assertThat(uploads.uploads()).isEmpty();
            assertThat(scheduler.batchFinishes()).singleElement().satisfies(f -> {
                assertThat(f.runs()).containsExactly(0, 1, 2);
                assertThat(f.lines()).allMatch(line -> line.endsWith(" ok"));
            });
            assertThat(retryLines(result.stderrLines())).allMatch(line -> line.contains("upload of runs 0-2: "));
        }
    }

    @Test
    void anUploadThatGivesUpIsReportedFailedWithOneLinePerRetry() throws IOException {
        uploads.refuseConnections();
        try (var scheduler = LeaseServer.start(uploads, Grant.of(5))) {
            var result = run(env(scheduler.url(), "Quick", "SIMSWARM_UPLOAD_GIVEUP", "2"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            var finish = scheduler.finishOf(5);
            assertThat(finish.exitCode()).isEqualTo("0");
            assertThat(finish.upload()).isEqualTo("failed");
            String last = finish.lines().get(finish.lines().size() - 1);
            assertThat(last).startsWith("simswarm-runner: run 5: upload to " + uploads.url(5) + " failed: "
                    + refused() + " (");
            Matcher gaveUp = GAVE_UP.matcher(last);
            assertThat(gaveUp.matches()).as(last).isTrue();
            assertThat(gaveUp.group(2)).isEqualTo("2");
            int attempts = Integer.parseInt(gaveUp.group(1));
            assertThat(attempts).isGreaterThan(1);
            assertThat(retryLines(result.stderrLines())).as("one line per attempt but the last")
                    .hasSize(attempts - 1);
            assertThat(result.stderrLines()).contains(last);
            assertThat(uploads.uploads()).isEmpty();
        }
    }

    @Test
    void aGiveUpOfZeroMeansOneAttempt() throws IOException {
        uploads.refuseConnections();
        var result = run(listModeEnv("./queueing", "Quick", "3", "t", "SIMSWARM_UPLOAD_GIVEUP", "0"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(retryLines(result.stderrLines())).isEmpty();
        assertThat(result.stderrLines()).contains("simswarm-runner: run 3: upload to " + uploads.url(3) + " failed: "
                + refused() + " (1 attempt in 0 s, SIMSWARM_UPLOAD_GIVEUP=0)");
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void answersOfAnOverloadedOrRestartingServiceAreRetried(int status) {
        uploads.answerOnce(status, "busy\n");

        var result = run(listModeEnv("./queueing", "Quick", "4", "t"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(uploads.uploads()).hasSize(2);
        assertThat(uploads.uploads().get(1).body()).as("the same archive is sent again")
                .isEqualTo(uploads.uploads().get(0).body());
        assertThat(retryLines(result.stderrLines())).singleElement().asString()
                .contains("upload of run 4: results service unreachable (HTTP " + status + ": busy), retrying in ");
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsRetried() {
        uploads.hangUpOnce();

        var result = run(listModeEnv("./queueing", "Quick", "4", "t"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(uploads.uploads()).hasSize(2);
        assertThat(retryLines(result.stderrLines())).singleElement().asString()
                .contains("(connection closed before a complete response)");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 413, 422})
    void otherClientErrorsFailAtOnce(int status) {
        uploads.answer(status, "refused\n");

        var result = run(listModeEnv("./queueing", "Quick", "4", "t"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(uploads.uploads()).hasSize(1);
        assertThat(retryLines(result.stderrLines())).isEmpty();
        assertThat(result.stderrLines()).contains("simswarm-runner: run 4: upload to " + uploads.url(4)
                + " failed: HTTP " + status + ": refused");
    }

    @Test
    void aLeaseWithdrawnWhileTheUploadWaitsEndsTheWaitWithoutUpload() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, new Grant(5, 1, 1, false))) {
            var runner = pilotWaitingToRetry(scheduler, "run 5");

            scheduler.withdraw(5);
            await().atMost(AT_MOST).until(() -> !scheduler.finishes().isEmpty());
            uploads.acceptConnections();
            var result = runner.await();

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            var finish = scheduler.finishOf(5);
            assertThat(finish.exitCode()).isEqualTo("0");
            assertThat(finish.upload()).isEqualTo("skipped");
            String withdrawn = "simswarm-runner: run 5: the scheduler withdrew the lease while the upload waited to "
                    + "try again (last error: " + refused() + "): the results are not uploaded";
            assertThat(finish.lines()).last().isEqualTo(withdrawn);
            assertThat(uploads.uploads()).isEmpty();
            List<String> stderr = result.stderrLines();
            assertThat(retryLines(stderr.subList(stderr.indexOf(withdrawn), stderr.size())))
                    .as("no retry after the withdrawal").isEmpty();
        }
    }

    @Test
    void aWithdrawnLeaseOfABatchDropsItsGroupUpload() throws IOException {
        var batch = new Batch(List.of(new Grant(0, 1, 1, false), new Grant(1, 1, 1, false)), true);
        try (var scheduler = LeaseServer.start(uploads, batch)) {
            var runner = pilotWaitingToRetry(scheduler, "runs 0-1");

            scheduler.withdraw(0);
            await().atMost(AT_MOST).until(() -> scheduler.finishes().size() == 2);
            uploads.acceptConnections();
            var result = runner.await();

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::run, LeaseServer.Finish::upload)
                    .containsExactly(tuple(0, "skipped"),
                            tuple(1, "skipped"));
            assertThat(scheduler.batchFinishes()).isEmpty();
            assertThat(uploads.groupUploads()).isEmpty();
            assertThat(uploads.uploads()).isEmpty();
        }
    }

    @Test
    void aStopSignalWhileTheUploadWaitsReportsTheUploadFailedAndExits143() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, Grant.of(5), Grant.of(6))) {
            var runner = pilotWaitingToRetry(scheduler, "run 5");

            runner.process().destroy(); // SIGTERM, as docker stop sends
            var result = runner.await();

            assertThat(result.exitCode()).isEqualTo(143);
            var finish = scheduler.finishOf(5);
            assertThat(finish.exitCode()).isEqualTo("0");
            assertThat(finish.upload()).isEqualTo("failed");
            assertThat(finish.nextLease()).as("a stopping runner asks for nothing").isNull();
            assertThat(finish.lines()).last().isEqualTo("simswarm-runner: run 5: upload to " + uploads.url(5)
                    + " failed: " + refused() + "; not tried again: the runner was asked to stop");
            assertThat(scheduler.finishes()).hasSize(1);
            assertThat(scheduler.leaseRequests()).isEqualTo(1);
        }
    }

    @Test
    void aStopSignalWhileTheUploadWaitsEndsListModeWith143() {
        uploads.refuseConnections();
        var runner = RunnerProcess.start(QueueingExample.hostBuild(), listModeEnv("./queueing", "Quick", "3,4", "a,b"));
        awaitRetries(runner, 1, "run 3");

        runner.process().destroy();
        var result = runner.await();

        assertThat(result.exitCode()).isEqualTo(143);
        assertThat(result.stderrLines()).contains("simswarm-runner: run 3: upload to " + uploads.url(3) + " failed: "
                        + refused() + "; not tried again: the runner was asked to stop",
                "simswarm-runner: 0 of 2 run(s) succeeded and were uploaded (stopped early)");
        assertThat(result.stdout()).doesNotContain("run #4");
    }
}
