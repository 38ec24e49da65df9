package io.simswarm.scheduler.lease;

import static io.restassured.RestAssured.given;
import static io.simswarm.scheduler.support.TestWorker.fields;
import static io.simswarm.scheduler.support.TestWorker.finish;
import static io.simswarm.scheduler.support.TestWorker.finishAskingNext;
import static io.simswarm.scheduler.support.TestWorker.heartbeat;
import static io.simswarm.scheduler.support.TestWorker.lease;
import static io.simswarm.scheduler.support.TestWorker.leaseResponse;
import static io.simswarm.scheduler.support.TestWorker.runningCampaign;
import static io.simswarm.scheduler.support.TestWorker.runs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.events.RunToken;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scheduler side of the pilot lease protocol, with the test acting as the worker. The campaigns here reserve
 * more CPUs per run than the node has, so their real worker tasks wait for a node and never take a lease: every
 * lease is the test's. (Campaigns run by real workers are in {@code CampaignRunTest}.)
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class LeaseProtocolTest {

    private static final RunToken TOKENS = new RunToken(StandIns.SECRET);

    @Test
    void grantsEveryRunOnceThenWaitsForRunsInFlightThenSaysDone() {
        String id = runningCampaign("MM1", "0..2", 1);

        Map<String, String> first = lease(id);
        assertThat(first).containsKeys("lease", "run", "attempt", "token", "upload", "heartbeat");
        assertThat(first.get("run")).isEqualTo("0");
        assertThat(first.get("attempt")).isEqualTo("1");
        assertThat(first.get("token")).isEqualTo(TOKENS.sign(id, 0));
        assertThat(first.get("upload")).endsWith("/campaigns/" + id + "/runs/0/results").startsWith("http://127.0.0.1:");
        assertThat(first.get("heartbeat")).isEqualTo("2");
        Map<String, String> second = lease(id);
        Map<String, String> third = lease(id);
        assertThat(List.of(second.get("run"), third.get("run"))).containsExactly("1", "2");

        assertThat(leaseResponse(id).then().statusCode(200).extract().asString()).isEqualTo("wait 1\n");
        JsonPath runs = runs(id);
        assertThat(runs.getList("state")).containsOnly("RUNNING");
        assertThat(runs.getList("node")).containsOnly("test-worker");

        for (Map<String, String> lease : List.of(first, second, third)) {
            finish(id, lease, 0, "ok", "End.").then().statusCode(204);
        }
        assertThat(runs(id).getList("state")).containsOnly("UPLOADED");
        leaseResponse(id).then().statusCode(204);

        for (int run = 0; run < 3; run++) {
            StandIns.publishResultsStored(id, run);
        }
        JsonPath campaign = Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(30));
        assertThat(campaign.getInt("runs.succeeded")).isEqualTo(3);
        assertThat(runs(id).getList("exitCode", Integer.class)).containsOnly(0);
        leaseResponse(id).then().statusCode(204);
    }

    @Test
    void aFinishCallAskingForTheNextLeaseGetsItInTheSameAnswer() {
        String id = runningCampaign("MM1", "0..2", 1);
        Map<String, String> first = lease(id);
        Map<String, String> second = lease(id);

        Map<String, String> third = fields(finishAskingNext(id, first, 0, "ok")
                .then().statusCode(200).contentType(containsString("text/plain")).extract().asString());
        assertThat(third.get("run")).isEqualTo("2");
        assertThat(third.get("token")).isEqualTo(TOKENS.sign(id, 2));
        assertThat(runs(id).getList("node")).containsOnly("test-worker");

        assertThat(finishAskingNext(id, second, 0, "ok").then().statusCode(200).extract().asString())
                .as("run 2 is still in flight and may come back").isEqualTo("wait 1\n");
        Map<String, String> retry = fields(finishAskingNext(id, third, 1, "skipped")
                .then().statusCode(200).extract().asString());
        assertThat(retry).as("the failed run goes back to the queue and comes back at once")
                .containsEntry("run", "2").containsEntry("attempt", "2");
        assertThat(runs(id).getList("state")).containsExactly("UPLOADED", "UPLOADED", "RUNNING");

        finishAskingNext(id, third, 0, "ok").then().statusCode(410);
        assertThat(finishAskingNext(id, retry, 0, "ok").then().statusCode(200).extract().asString())
                .as("nothing left for this worker").isEqualTo("none\n");
        for (int run = 0; run < 3; run++) {
            StandIns.publishResultsStored(id, run);
        }
        Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(30));
    }

    @Test
    void aFailedAttemptIsRetriedUntilTheBudgetIsSpentThenTheRunAndCampaignFail() {
        String id = runningCampaign("MM1", "1", 1);

        Map<String, String> attempt1 = lease(id);
        heartbeat(id, attempt1).then().statusCode(204);
        finish(id, attempt1, 1, "skipped", "Injected failure: run 1\nSegmentation fault").then().statusCode(204);
        assertThat(runs(id).getString("[0].state")).isEqualTo("PENDING");

        Map<String, String> attempt2 = lease(id);
        assertThat(attempt2.get("run")).isEqualTo("1");
        assertThat(attempt2.get("attempt")).isEqualTo("2");
        finish(id, attempt2, 1, "skipped", "Running simulation...\nInjected failure: run 1 again")
                .then().statusCode(204);

        JsonPath campaign = Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(10));
        assertThat(campaign.getString("error")).startsWith("Run 1 failed after 2 attempts: Attempt 2 on test-worker"
                + " exited with code 1; last lines of its output:").contains("Injected failure: run 1 again");
        JsonPath run = runs(id);
        assertThat(run.getString("[0].state")).isEqualTo("FAILED");
        assertThat(run.getInt("[0].attempts")).isEqualTo(2);
        assertThat(run.getInt("[0].exitCode")).isEqualTo(1);
        given().when().get("/campaigns/" + id + "/runs/1/attempts")
                .then().statusCode(200)
                .body("outcome", equalTo(List.of("FAILED", "FAILED")))
                .body("[1].logTail", containsString("again"));
        leaseResponse(id).then().statusCode(204);
    }

    @Test
    void aTimedOutRunIsReportedAsSuch() {
        String id = runningCampaign("MM1", "2", 0);

        finish(id, lease(id), 124, "skipped", "** Event #1000").then().statusCode(204);

        JsonPath campaign = Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(10));
        assertThat(campaign.getString("error")).contains("timed out after 120 s");
    }

    @Test
    void anOutputWithNulCharactersIsKeptWithoutThem() {
        String id = runningCampaign("MM1", "2", 0);

        finish(id, lease(id), 1, "skipped", "binary\u0000 output\n<!> Error: bad \u0000value").then().statusCode(204);

        JsonPath attempts = given().when().get("/campaigns/" + id + "/runs/2/attempts").then().statusCode(200)
                .extract().jsonPath();
        assertThat(attempts.getString("[0].logTail")).isEqualTo("binary output\n<!> Error: bad value");
        assertThat(attempts.getString("[0].failureMessage")).doesNotContain("\u0000").contains("bad value");
    }

    @Test
    void resultsStoredBeforeTheFinishReportCountsAndTheRunIsNeverLeasedAgain() {
        String id = runningCampaign("MM1", "3,4", 1);
        Map<String, String> run3 = lease(id);
        Map<String, String> run4 = lease(id);

        StandIns.publishResultsStored(id, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(runs(id).getString("[0].state")));
        finish(id, run3, 0, "ok", "End.").then().statusCode(204);
        assertThat(runs(id).getString("[0].state")).isEqualTo("SUCCEEDED");

        finish(id, run4, 0, "failed", "upload: connection refused").then().statusCode(204);
        Map<String, String> again = lease(id);
        assertThat(again.get("run")).isEqualTo("4");
        StandIns.publishResultsStored(id, 4);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(runs(id).getString("[1].state")));
        Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(10));
        finish(id, again, 0, "ok", "End.").then().statusCode(204);
        leaseResponse(id).then().statusCode(204);
    }

    @Test
    void aLeaseWithoutHeartbeatsExpiresAndItsRunGoesBackToTheQueue() {
        String id = runningCampaign("MM1", "5", 2);
        Map<String, String> lost = lease(id);

        await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING".equals(runs(id).getString("[0].state")));

        given().when().get("/campaigns/" + id + "/runs/5/attempts")
                .then().statusCode(200)
                .body("[0].outcome", equalTo("LOST"));
        heartbeat(id, lost).then().statusCode(410).contentType("application/problem+json");
        finish(id, lost, 0, "ok", "End.").then().statusCode(410);
        Map<String, String> retried = lease(id);
        assertThat(retried.get("run")).isEqualTo("5");
        assertThat(retried.get("attempt")).isEqualTo("2");
        heartbeat(id, retried).then().statusCode(204);
    }

    @Test
    void cancelWithdrawsLeasesAndACancelledOrFinishedCampaignCannotBeCancelled() {
        String id = runningCampaign("MM1", "0..3", 1);
        Map<String, String> held = lease(id);

        given().when().post("/campaigns/" + id + "/cancel")
                .then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("runs.cancelled", equalTo(4));

        heartbeat(id, held).then().statusCode(410);
        leaseResponse(id).then().statusCode(204);
        given().when().post("/campaigns/" + id + "/cancel")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Campaign " + id + " has already ended with status CANCELLED; only a"
                        + " campaign that is building, expanding or running can be cancelled."));
        await().atMost(Duration.ofSeconds(30)).until(() -> StandIns.campaignEvents(id).stream()
                .anyMatch(e -> "CANCELLED".equals(e.status())));
    }

    @Test
    void retryFailedGivesFailedRunsAFreshBudget() {
        String id = runningCampaign("MM1", "0,1", 0);
        finish(id, lease(id), 1, "skipped", "boom").then().statusCode(204);
        finish(id, lease(id), 0, "ok", "End.").then().statusCode(204);
        StandIns.publishResultsStored(id, 1);
        Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(30));

        given().when().post("/campaigns/" + id + "/retry-failed")
                .then().statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("runs.pending", equalTo(1))
                .body("runs.succeeded", equalTo(1));

        Map<String, String> again = lease(id);
        assertThat(again.get("run")).isEqualTo("0");
        assertThat(again.get("attempt")).isEqualTo("2");
        finish(id, again, 0, "ok", "End.").then().statusCode(204);
        StandIns.publishResultsStored(id, 0);
        Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(30));
        given().when().post("/campaigns/" + id + "/retry-failed")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is SUCCEEDED; only the failed runs"));
        given().when().post("/campaigns/" + id + "/cancel")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("has already ended with status SUCCEEDED"));
    }

    @Test
    void refusesWorkersWithoutTheCampaignsToken() {
        String id = runningCampaign("MM1", "0", 0);

        given().header("X-Worker", "w").when().post("/campaigns/" + id + "/leases")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("lease token"));
        given().header("Authorization", "Bearer " + TOKENS.signCampaign("another-campaign"))
                .when().post("/campaigns/" + id + "/leases")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("The lease token is not the one of campaign " + id + "."));
        given().header("Authorization", "Bearer " + TOKENS.sign(id, 0))
                .when().post("/campaigns/" + id + "/leases")
                .then().statusCode(403);
        given().header("Authorization", "Bearer " + TOKENS.signCampaign("nope"))
                .when().post("/campaigns/nope/leases")
                .then().statusCode(404);
        given().header("Authorization", "Bearer " + TOKENS.signCampaign(id))
                .when().post("/campaigns/" + id + "/leases/not-a-lease/heartbeat")
                .then().statusCode(404).contentType("application/problem+json");
        Map<String, String> lease = lease(id);
        given().header("Authorization", "Bearer " + TOKENS.signCampaign(id)).header("X-Exit-Code", "zero")
                .contentType("text/plain").body("")
                .when().post("/campaigns/" + id + "/leases/" + lease.get("lease") + "/finish")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Header X-Exit-Code must be a whole number, not 'zero'."));
    }
}
