package io.simswarm.scheduler.lease;

import static io.restassured.RestAssured.given;
import static io.simswarm.scheduler.support.TestWorker.finish;
import static io.simswarm.scheduler.support.TestWorker.finishStopped;
import static io.simswarm.scheduler.support.TestWorker.lease;
import static io.simswarm.scheduler.support.TestWorker.runningCampaign;
import static io.simswarm.scheduler.support.TestWorker.runs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A run whose simulation succeeded but whose results could not be uploaded (the runner gave up waiting for the
 * results service), or that its worker stopped because it was asked to (a drained node, a stopped task), was failed
 * by the system, not by the run: it goes back to the queue without spending its retry budget, up to
 * {@code lease.max-system-failures} (5) such losses.
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class SystemFailuresTest {

    @Test
    void aFailedUploadSpendsNoRetryBudget() {
        String id = runningCampaign("MM1", "2", 0);

        finish(id, lease(id), 0, "failed", "upload of run 2: results service unreachable; giving up").then()
                .statusCode(204);

        assertThat(Campaigns.get(id).getString("status")).isEqualTo("RUNNING");
        assertThat(runs(id).getString("[0].state")).isEqualTo("PENDING");
        Map<String, String> again = lease(id);
        assertThat(again).containsEntry("run", "2").containsEntry("attempt", "2");
        finish(id, again, 0, "ok", "End.").then().statusCode(204);
        StandIns.publishResultsStored(id, 2);
        Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(30));
        given().when().get("/campaigns/" + id + "/runs/2/attempts").then().statusCode(200)
                .body("outcome", equalTo(List.of("FAILED", "SUCCEEDED")))
                .body("upload", equalTo(List.of("failed", "ok")));
    }

    @Test
    void aRunItsWorkerStoppedSpendsNoRetryBudget() {
        String id = runningCampaign("MM1", "2", 0);

        finishStopped(id, lease(id)).then().statusCode(204);

        assertThat(Campaigns.get(id).getString("status")).isEqualTo("RUNNING");
        assertThat(runs(id).getString("[0].state")).isEqualTo("PENDING");
        finish(id, lease(id), 0, "ok", "End.").then().statusCode(204);
        StandIns.publishResultsStored(id, 2);
        Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(30));
        given().when().get("/campaigns/" + id + "/runs/2/attempts").then().statusCode(200)
                .body("outcome", equalTo(List.of("FAILED", "SUCCEEDED")))
                .body("[0].failureClass", equalTo("SYSTEM"))
                .body("[0].failureMessage", equalTo("Stopped: the run was stopped with its worker (its task was "
                        + "stopped or its node drained)."));
    }

    @Test
    void aRunThatExitsWith143ByItselfSpendsItsBudget() {
        String id = runningCampaign("MM1", "2", 0);

        finish(id, lease(id), 143, "skipped", "Terminated").then().statusCode(204);

        Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(10));
        given().when().get("/campaigns/" + id + "/runs/2/attempts").then().statusCode(200)
                .body("[0].failureClass", equalTo("EXIT_CODE"));
    }

    @Test
    void aRunLostToTheSystemTooOftenFails() {
        String id = runningCampaign("MM1", "1", 3);

        for (int i = 0; i < 6; i++) {
            finish(id, lease(id), 0, "failed", "upload: connection refused").then().statusCode(204);
        }

        JsonPath campaign = Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(10));
        assertThat(campaign.getString("error")).startsWith("Run 1 failed after 6 attempts: Attempt 6 on test-worker")
                .endsWith("The run was lost to the system 6 times; it is not tried again.");
        assertThat(runs(id).getInt("[0].attempts")).isEqualTo(6);
    }
}
