package io.simswarm.runner;

import io.simswarm.runner.LeaseServer.Batch;
import io.simswarm.runner.LeaseServer.Grant;
import io.simswarm.runner.LeaseServer.Refuse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * Pilot mode with lease answers that grant several runs (batches): run in order, the successful runs
 * uploaded in one archive and reported in one call, failures reported at once, and every fallback.
 */
class PilotBatchTest extends PilotFixture {

    /** The runs in the order the runner started them, from its "lease ID: run N, attempt K" lines. */
    private static List<Integer> startedRuns(RunnerProcess.Result result) {
        return result.stderrLines().stream().filter(l -> l.matches("simswarm-runner: lease \\S+: run \\d+, .*"))
                .map(l -> Integer.parseInt(l.replaceAll(".*: run (\\d+),.*", "$1"))).toList();
    }

    private static String bearer(int... runs) {
        return "Bearer " + String.join(",", Arrays.stream(runs)
                .mapToObj(run -> run + "=" + LeaseServer.tokenOf(run)).toList());
    }

    @Test
    void aBatchRunsInOrderIsUploadedInOneArchiveAndReportedInOneCall() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, Batch.of(12, 13, 14))) {
            var result = run(env(scheduler.url(), "Quick"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(startedRuns(result)).containsExactly(12, 13, 14);
            assertThat(uploads.uploads()).as("no single uploads").isEmpty();
            assertThat(uploads.groupUploads()).hasSize(1);
            var group = uploads.groupUploads().get(0);
            assertThat(group.authorization()).isEqualTo(bearer(12, 13, 14));
            assertThat(group.contentType()).isEqualTo("application/gzip");
            assertThat(group.contentLength()).isEqualTo(Integer.toString(group.body().length));
            var folders = group.folders();
            assertThat(folders).containsOnlyKeys("12", "13", "14");
            for (int run : List.of(12, 13, 14)) {
                assertThat(folders.get(Integer.toString(run)).keySet())
                        .containsExactlyInAnyOrderElementsOf(QueueingExample.expectedEntries("Quick", run));
                String out = folders.get(Integer.toString(run)).entrySet().stream()
                        .filter(e -> e.getKey().endsWith(".out")).map(e -> new String(e.getValue(),
                                StandardCharsets.UTF_8)).findFirst().orElseThrow();
                assertThat(out).contains("Quick, run #" + run + "...").endsWith("End.\n");
            }

            assertThat(scheduler.finishes()).as("no single finish calls").isEmpty();
            assertThat(scheduler.batchFinishes()).hasSize(1);
            var finish = scheduler.batchFinishes().get(0);
            assertThat(finish.runs()).containsExactly(12, 13, 14);
            assertThat(finish.lines()).hasSize(3).allMatch(line -> line.matches("lease-\\d+ 0 \\d+ ok"));
            assertThat(finish.contentType()).startsWith("text/plain");
            assertThat(finish.nextLease()).isEqualTo("1");
            assertThat(finish.leaseMax()).isEqualTo("16");
            assertThat(scheduler.leaseRequests()).as("'none' came with the answer to the batch finish").isEqualTo(1);
            assertThat(scheduler.leaseMaxOnLeaseRequests()).containsExactly("16");
            assertThat(result.stderrLines()).contains("simswarm-runner: lease batch of 3 run(s): 12-14")
                    .anyMatch(l -> l.matches("simswarm-runner: uploaded 3 runs in one archive \\(\\d+ KiB\\)"));
            assertThat(result.stderr()).contains("simswarm-runner: pilot done after 3 run(s): no run left");
        }
    }

    @Test
    void leaseMaxComesFromTheEnvironmentAndGoesWithEveryRequestForLeases() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, Grant.of(0), Grant.of(1))) {
            var result = run(env(scheduler.url(), "Quick", "SIMSWARM_LEASE_MAX", "3"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(scheduler.leaseMaxOnLeaseRequests()).containsExactly("3");
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::nextLease, LeaseServer.Finish::leaseMax)
                    .containsOnly(tuple("1", "3"));
            assertThat(result.stderr()).doesNotContain("lease batch of");
        }
    }

    @Test
    void aFailingRunInTheMiddleIsReportedAtOnceAndTheOthersTogether() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, Batch.of(0, 1, 2))) {
            var result = run(env(scheduler.url(), "Faulty", "SIMSWARM_SIM_ARGS", "--sim-time-limit=2s"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(startedRuns(result)).containsExactly(0, 1, 2);
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::run).containsExactly(1);
            var failed = scheduler.finishOf(1);
            assertThat(failed.exitCode()).isEqualTo("1");
            assertThat(failed.upload()).isEqualTo("skipped");
            assertThat(failed.nextLease()).as("more leases of the batch remain").isNull();
            assertThat(failed.body()).contains("<!> Error: Injected failure: run 1 of config Faulty");
            assertThat(failed.lines()).last().isEqualTo("simswarm-runner: the run ended with exit code 1");

            var group = uploads.groupUploads().get(0);
            assertThat(uploads.groupUploads()).hasSize(1);
            assertThat(group.folders()).containsOnlyKeys("0", "2");
            assertThat(group.authorization()).isEqualTo(bearer(0, 2));
            assertThat(failed.received()).as("reported before the batch's upload").isLessThan(group.received());
            assertThat(uploads.uploads()).isEmpty();
            assertThat(scheduler.batchFinishes()).singleElement().satisfies(f -> {
                assertThat(f.runs()).containsExactly(0, 2);
                assertThat(f.nextLease()).isEqualTo("1");
            });
        }
    }

    @Test
    void aGroupUploadAnswered404MeansSingleUploadsForThisAndLaterBatches() throws IOException {
        uploads.answerGroup(404, "Not Found");
        try (var scheduler = LeaseServer.start(uploads, Batch.of(0, 1), Batch.of(2, 3))) {
            var result = run(env(scheduler.url(), "Quick"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(uploads.groupUploads()).as("tried once").hasSize(1);
            assertThat(uploads.uploads()).extracting(UploadServer.Upload::run).containsExactly(0, 1, 2, 3);
            for (var upload : uploads.uploads()) {
                assertThat(upload.authorization()).isEqualTo("Bearer " + LeaseServer.tokenOf(upload.run()));
            }
            assertThat(scheduler.batchFinishes()).extracting(LeaseServer.BatchFinish::runs)
                    .containsExactly(List.of(0, 1), List.of(2, 3));
            assertThat(scheduler.batchFinishes()).allSatisfy(f -> assertThat(f.lines()).allMatch(l -> l.endsWith(" ok")));
            assertThat(result.stderrLines()).filteredOn(l -> l.contains("no group upload")).containsExactly(
                    "simswarm-runner: the results service has no group upload at " + uploads.groupUrl()
                            + " (HTTP 404: Not Found): uploading run by run from now on");
        }
    }

    @Test
    void aGroupUploadAnswered400MeansSingleUploadsForThisBatchOnly() throws IOException {
        uploads.answerGroupOnce(400, "the archive has no folder for run 1");
        try (var scheduler = LeaseServer.start(uploads, Batch.of(0, 1), Batch.of(2, 3))) {
            var result = run(env(scheduler.url(), "Quick"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(uploads.groupUploads()).hasSize(2);
            assertThat(uploads.groupUploads().get(1).folders()).containsOnlyKeys("2", "3");
            assertThat(uploads.uploads()).extracting(UploadServer.Upload::run).containsExactly(0, 1);
            assertThat(scheduler.batchFinishes()).extracting(LeaseServer.BatchFinish::runs)
                    .containsExactly(List.of(0, 1), List.of(2, 3));
            assertThat(result.stderrLines()).contains("simswarm-runner: the group upload to " + uploads.groupUrl()
                    + " was refused (HTTP 400: the archive has no folder for run 1): uploading the 2 runs of this "
                    + "batch one by one");
        }
    }

    @Test
    void aGroupUploadThatGivesUpIsReportedRunByRunAsFailed() throws IOException {
        uploads.answerGroup(500, "database down");
        try (var scheduler = LeaseServer.start(uploads, Batch.of(4, 5))) {
            var result = run(env(scheduler.url(), "Quick", "SIMSWARM_UPLOAD_GIVEUP", "1"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(uploads.uploads()).as("a server error is no reason to upload run by run").isEmpty();
            assertThat(scheduler.batchFinishes()).isEmpty();
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::run, LeaseServer.Finish::upload,
                    LeaseServer.Finish::nextLease).containsExactly(tuple(4, "failed", null),
                    tuple(5, "failed", "1"));
            assertThat(scheduler.finishOf(5).lines()).last().asString().startsWith("simswarm-runner: run 5: upload to "
                    + uploads.groupUrl() + " failed: HTTP 500: database down (").endsWith(" SIMSWARM_UPLOAD_GIVEUP=1)");
            assertThat(uploads.groupUploads()).as("retried until the give-up time").hasSizeGreaterThan(1);
        }
    }

    @Test
    void onceAnUploadOfABatchHasGivenUpItsOtherRunsGetOneAttemptEach() throws IOException {
        uploads.answerGroup(404, "Not Found");
        uploads.answer(503, "no database");
        try (var scheduler = LeaseServer.start(uploads, Batch.of(0, 1, 2))) {
            var result = run(env(scheduler.url(), "Quick", "SIMSWARM_UPLOAD_GIVEUP", "1"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(uploads.uploads()).filteredOn(u -> u.run() == 0).as("retried until the give-up time")
                    .hasSizeGreaterThan(1);
            assertThat(uploads.uploads()).filteredOn(u -> u.run() > 0).extracting(UploadServer.Upload::run)
                    .containsExactly(1, 2);
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::upload).containsExactly("failed", "failed",
                    "failed");
            long attempts = uploads.uploads().stream().filter(u -> u.run() == 0).count();
            assertThat(scheduler.finishOf(0).lines()).last().asString().matches(".* failed: HTTP 503: no database \\("
                    + attempts + " attempts in \\d+ s, SIMSWARM_UPLOAD_GIVEUP=1\\)");
            for (int run : List.of(1, 2)) {
                assertThat(scheduler.finishOf(run).lines()).last().isEqualTo("simswarm-runner: run " + run
                        + ": upload to " + uploads.url(run) + " failed: HTTP 503: no database (one attempt: an "
                        + "earlier upload of this batch gave up)");
            }
        }
    }

    @Test
    void aBatchFinishAnswered404IsReplacedBySingleFinishCalls() throws IOException {
        try (var scheduler = LeaseServer.start(uploads, Batch.of(0, 1, 2)).withoutBatchFinish()) {
            var result = run(env(scheduler.url(), "Quick"));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(uploads.groupUploads()).hasSize(1);
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::run).containsExactly(0, 1, 2);
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::upload).containsOnly("ok");
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::nextLease)
                    .as("the last call asks for the next lease").containsExactly(null, null, "1");
            assertThat(scheduler.leaseRequests()).isEqualTo(1);
            assertThat(result.stderrLines()).contains("simswarm-runner: the scheduler has no batch finish at "
                    + scheduler.url() + "/finished: reporting the 3 run(s) one by one");
        }
    }

    @Test
    void aWithdrawnLeaseDropsTheRestOfItsBatch(@TempDir Path dir) throws IOException {
        var batch = new Batch(List.of(Grant.of(0), new Grant(1, 1, 1, true), Grant.of(2)), true);
        try (var scheduler = LeaseServer.start(uploads, batch)) {
            var env = env(scheduler.url(), "Fake", "SIMSWARM_RUN_COMMAND", FakeSimulation.installIn(dir),
                    "FAKE_MODE", "slowrun", "FAKE_SLOW_RUN", "1");

            var result = RunnerProcess.run(dir, env);

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(startedRuns(result)).containsExactly(0, 1);
            var withdrawn = scheduler.finishOf(1);
            assertThat(withdrawn.exitCode()).isEqualTo("143");
            assertThat(withdrawn.upload()).isEqualTo("skipped");
            assertThat(withdrawn.nextLease()).isNull();
            assertThat(uploads.uploads()).as("one run left: uploaded alone").extracting(UploadServer.Upload::run)
                    .containsExactly(0);
            var done = scheduler.finishOf(0);
            assertThat(done.upload()).isEqualTo("ok");
            assertThat(done.nextLease()).as("then a new lease is asked for").isEqualTo("1");
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::run).containsExactly(1, 0);
            assertThat(result.stderrLines()).contains(
                    "simswarm-runner: lease lease-2 was withdrawn: the other 1 lease(s) of its batch are dropped");
        }
    }

    @Test
    void aStopSignalUploadsAndReportsWhatSucceededAndStartsNothingMore(@TempDir Path dir) throws IOException {
        var batch = new Batch(List.of(Grant.of(0), Grant.of(3), new Grant(1, 1, 1, false), Grant.of(2)), true);
        try (var scheduler = LeaseServer.start(uploads, batch, Grant.of(9))) {
            var env = env(scheduler.url(), "Fake", "SIMSWARM_RUN_COMMAND", FakeSimulation.installIn(dir),
                    "FAKE_MODE", "slowrun", "FAKE_SLOW_RUN", "1");
            var started = RunnerProcess.start(dir, env);
            await().atMost(Duration.ofMinutes(2)).until(() -> scheduler.heartbeats() > 0);

            started.process().destroy(); // SIGTERM, as docker stop sends
            var result = started.await();

            assertThat(result.exitCode()).isEqualTo(143);
            assertThat(startedRuns(result)).containsExactly(0, 3, 1);
            assertThat(scheduler.finishOf(1).exitCode()).isEqualTo("143");
            assertThat(scheduler.finishOf(1).body())
                    .contains("simswarm-runner: the runner was asked to stop: terminating the run");
            assertThat(uploads.groupUploads()).singleElement().satisfies(g -> assertThat(g.folders())
                    .containsOnlyKeys("0", "3"));
            assertThat(scheduler.batchFinishes()).singleElement().satisfies(f -> {
                assertThat(f.runs()).containsExactly(0, 3);
                assertThat(f.nextLease()).as("a stopping runner asks for nothing").isNull();
            });
            assertThat(scheduler.finishes()).extracting(LeaseServer.Finish::nextLease).containsOnlyNulls();
            assertThat(scheduler.leaseRequests()).isEqualTo(1);
        }
    }

    @Test
    void aMalformedBlockEndsTheRunnerNamingTheBlock() throws IOException {
        String answer = "lease a1\nrun 1\ntoken t1\nupload " + uploads.url(1) + "\n\nlease a2\ntoken t2\nupload "
                + uploads.url(2) + "\n";
        try (var scheduler = LeaseServer.start(uploads, new Refuse(200, answer))) {
            var result = run(env(scheduler.url(), "Quick"));

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.stderrLines()).contains("simswarm-runner: the scheduler answered an unreadable lease "
                    + "(block 2 of 2: missing or malformed 'run' line): lease a2");
            assertThat(startedRuns(result)).isEmpty();
        }
    }
}
