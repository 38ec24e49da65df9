package io.simswarm.scheduler.lease;

import static io.restassured.RestAssured.given;
import static io.simswarm.scheduler.support.TestWorker.batch;
import static io.simswarm.scheduler.support.TestWorker.fields;
import static io.simswarm.scheduler.support.TestWorker.finish;
import static io.simswarm.scheduler.support.TestWorker.finishAskingNext;
import static io.simswarm.scheduler.support.TestWorker.finishBatch;
import static io.simswarm.scheduler.support.TestWorker.heartbeat;
import static io.simswarm.scheduler.support.TestWorker.leaseResponse;
import static io.simswarm.scheduler.support.TestWorker.runningCampaign;
import static io.simswarm.scheduler.support.TestWorker.runs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.events.RunToken;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Batches of short runs in the lease protocol (docs/architecture.md): a worker that can take several runs gets
 * them in one answer once the campaign's runs are known to be short, reports their successes in one call and keeps
 * the waiting leases of its batch alive with the heartbeats of the running one. The test is the worker (see
 * {@code LeaseProtocolTest}: the real worker tasks of these campaigns wait for a node).
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class LeaseBatchTest {

    private static final RunToken TOKENS = new RunToken(StandIns.SECRET);

    @Test
    void shortRunsGoInBatchesReportedInOneCallAndTheLastRunsAreSharedOut() {
        String id = runningCampaign("Quick", "0..11", 1);

        List<Map<String, String>> first = batch(leaseResponse(id, 8).then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString());
        assertThat(first).as("how long the runs take is not known yet: one run").hasSize(1);
        assertThat(first.get(0).get("group-upload")).startsWith("http://127.0.0.1:").endsWith("/campaigns/" + id
                + "/results");

        // the run took 12 ms: a batch of 1 s would hold 83 runs; the worker asked for 8, but the fair share of the 11
        // pending runs over the campaign's 2 workers is 6
        List<Map<String, String>> second = batch(finishBatch(id, first, 8).then().statusCode(200).extract().asString());
        assertThat(second).extracting(l -> l.get("run")).containsExactly("1", "2", "3", "4", "5", "6");
        for (Map<String, String> lease : second) {
            int run = Integer.parseInt(lease.get("run"));
            assertThat(lease).containsEntry("attempt", "1").containsEntry("token", TOKENS.sign(id, run));
            assertThat(lease.get("upload")).endsWith("/campaigns/" + id + "/runs/" + run + "/results");
        }
        assertThat(second.get(0)).containsKey("group-upload");
        assertThat(second.subList(1, 6)).allSatisfy(lease -> assertThat(lease).doesNotContainKey("group-upload"));
        assertThat(runs(id).getList("state")).containsExactly("UPLOADED", "RUNNING", "RUNNING", "RUNNING", "RUNNING",
                "RUNNING", "RUNNING", "PENDING", "PENDING", "PENDING", "PENDING", "PENDING");
        var counts = Campaigns.get(id);
        assertThat(counts.getInt("runs.running")).as("the worker runs one run of its batch at a time, and one run"
                + " waits for the results service").isEqualTo(2);
        assertThat(counts.getInt("runs.queued")).as("the rest of the batch waits on the worker").isEqualTo(5);
        assertThat(counts.getInt("runs.pending")).isEqualTo(5);

        // five runs left for two workers: three for this one
        List<Map<String, String>> third = batch(finishBatch(id, second, 8).then().statusCode(200).extract().asString());
        assertThat(third).extracting(l -> l.get("run")).containsExactly("7", "8", "9");
        // two runs left for two workers: one each
        List<Map<String, String>> fourth = batch(finishBatch(id, third, 8).then().statusCode(200).extract()
                .asString());
        assertThat(fourth).extracting(l -> l.get("run")).containsExactly("10");
        List<Map<String, String>> last = batch(finishBatch(id, fourth, 8).then().statusCode(200).extract()
                .asString());
        assertThat(last).extracting(l -> l.get("run")).containsExactly("11");
        assertThat(finishBatch(id, last, 0).then().statusCode(204).extract().asString()).isEmpty();
        assertThat(runs(id).getList("state")).containsOnly("UPLOADED");
        assertThat(runs(id).getList("durationMs", Integer.class)).containsOnly(12);
        assertThat(leaseResponse(id, 8).then().statusCode(204).extract().asString()).isEmpty();

        for (int run = 0; run < 12; run++) {
            StandIns.publishResultsStored(id, run);
        }
        assertThat(Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(30)).getInt("runs.succeeded"))
                .isEqualTo(12);
    }

    @Test
    void workersThatDoNotAskForSeveralRunsGetOneAtATime() {
        String id = runningCampaign("MM1", "0..3", 1);
        Map<String, String> first = fields(leaseResponse(id).then().statusCode(200).extract().asString());
        String next = finishAskingNext(id, first, 0, "ok").then().statusCode(200).extract().asString();
        assertThat(batch(next)).as("the durations are known now, but this worker takes one run at a time")
                .hasSize(1);
        assertThat(batch(leaseResponse(id, 1).then().statusCode(200).extract().asString())).hasSize(1);
    }

    @Test
    void longRunsGoOneByOneEvenToWorkersThatCouldTakeMore() {
        String id = runningCampaign("MM1", "0..5", 1);
        Map<String, String> first = batch(leaseResponse(id, 8).then().statusCode(200).extract().asString()).get(0);
        String report = first.get("lease") + " 0 1500 ok\n";
        String next = given().header("Authorization", "Bearer " + TOKENS.signCampaign(id))
                .header("X-Worker", "test-worker").header("X-Next-Lease", "1").header("X-Lease-Max", 8)
                .contentType("text/plain").body(report)
                .when().post("/campaigns/" + id + "/leases/finished").then().statusCode(200).extract().asString();
        assertThat(batch(next)).as("a run of 1.5 s is longer than a batch").hasSize(1);
    }

    @Test
    void theHeartbeatsOfTheRunningLeaseKeepTheWaitingLeasesOfItsBatchAlive() throws Exception {
        String id = runningCampaign("Quick", "0..6", 1);
        Map<String, String> first = batch(leaseResponse(id, 8).then().statusCode(200).extract().asString()).get(0);
        List<Map<String, String>> leases = batch(finishBatch(id, List.of(first), 3).then().statusCode(200).extract()
                .asString());
        assertThat(leases).hasSize(3);

        // a lease expires after three heartbeat intervals (2 s in tests): heartbeat only the first for 9 s
        for (int i = 0; i < 9; i++) {
            heartbeat(id, leases.get(0)).then().statusCode(204);
            Thread.sleep(1_000);
        }
        assertThat(runs(id).getList("attempts", Integer.class).subList(1, 4)).as("no lease expired")
                .containsOnly(1);
        finishBatch(id, leases, 0).then().statusCode(204);
        assertThat(runs(id).getList("state").subList(0, 4)).containsOnly("UPLOADED");
    }

    @Test
    void leasesNoLongerHeldAreSkippedAndBadReportsAreRefused() {
        String id = runningCampaign("MM1", "0..3", 1);
        Map<String, String> first = batch(leaseResponse(id, 8).then().statusCode(200).extract().asString()).get(0);
        Map<String, String> second = batch(leaseResponse(id, 8).then().statusCode(200).extract().asString()).get(0);
        finish(id, first, 0, "ok", "End.").then().statusCode(204);
        String auth = "Bearer " + TOKENS.signCampaign(id);
        String url = "/campaigns/" + id + "/leases/finished";

        given().header("Authorization", auth).contentType("text/plain").body(first.get("lease") + " 0 5\n")
                .when().post(url).then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("Line 1 of the report must be 'LEASE EXIT_CODE DURATION_MS UPLOAD'"));
        given().header("Authorization", auth).contentType("text/plain").body("\nrun-7 0 5 ok\n")
                .when().post(url).then().statusCode(400).body("detail", containsString("Line 2 of the report does not"
                        + " start with a lease id"));
        given().header("Authorization", auth).contentType("text/plain").body(second.get("lease") + " 0 five ok")
                .when().post(url).then().statusCode(400)
                .body("detail", containsString("The duration on line 1 must be a whole number, not 'five'"));
        given().header("Authorization", auth).contentType("text/plain").body(second.get("lease") + " 3 5 ok")
                .when().post(url).then().statusCode(400)
                .body("detail", containsString("report it with its own finish call"));
        given().header("Authorization", auth).header("X-Next-Lease", "1").header("X-Lease-Max", "0")
                .contentType("text/plain").body(second.get("lease") + " 0 5 ok").when().post(url).then()
                .statusCode(400).body("detail", containsString("X-Lease-Max must be at least 1"));
        given().contentType("text/plain").body(second.get("lease") + " 0 5 ok").when().post(url).then()
                .statusCode(401);
        assertThat(runs(id).getList("state")).as("nothing was recorded by the refused reports")
                .containsExactly("UPLOADED", "RUNNING", "PENDING", "PENDING");

        // the first lease was already finished: its line is skipped, the second is recorded
        given().header("Authorization", auth).contentType("text/plain")
                .body(first.get("lease") + " 0 5 ok\n" + second.get("lease") + " 0 7 ok\n").when().post(url).then()
                .statusCode(204);
        assertThat(runs(id).getList("state")).containsExactly("UPLOADED", "UPLOADED", "PENDING", "PENDING");
        assertThat(runs(id).getList("durationMs", Integer.class).subList(0, 2)).containsExactly(1234, 7);
    }
}
