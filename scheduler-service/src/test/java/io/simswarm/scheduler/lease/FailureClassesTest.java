package io.simswarm.scheduler.lease;

import static io.restassured.RestAssured.given;
import static io.simswarm.scheduler.support.TestWorker.finish;
import static io.simswarm.scheduler.support.TestWorker.lease;
import static io.simswarm.scheduler.support.TestWorker.runningCampaign;
import static io.simswarm.scheduler.support.TestWorker.runs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Failed attempts are classified: an OMNeT++ error with a non-zero exit is a model error, attempted once and reported
 * with its message; other exits are retried while the budget lasts; a campaign's exit rules override both.
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class FailureClassesTest {

    private static final String MODEL_ERROR = "Initializing...\n"
            + "<!> Error in module (Server) MM1.server (id=4) at event #12, t=0.5: negative service time.\n"
            + "\nEnd.";

    @Test
    void aModelErrorIsAttemptedOnceAndReportedWithItsMessage() {
        String id = runningCampaign("MM1", "1", 2);

        finish(id, lease(id), 1, "skipped", MODEL_ERROR).then().statusCode(204);

        JsonPath campaign = Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(10));
        assertThat(campaign.getString("error")).contains("stopped with a model error (exit code 1): <!> Error in"
                + " module (Server) MM1.server (id=4) at event #12, t=0.5: negative service time.")
                .contains("not tried again");
        assertThat(runs(id).getInt("[0].attempts")).isEqualTo(1);
        assertThat(runs(id).getString("[0].failureClass")).isEqualTo("MODEL_ERROR");
        given().when().get("/campaigns/" + id + "/runs/1/attempts").then().statusCode(200)
                .body("failureClass", equalTo(List.of("MODEL_ERROR")))
                .body("[0].failureMessage", containsString("negative service time."));
    }

    @Test
    void aCrashIsRetriedWhileTheBudgetLasts() {
        String id = runningCampaign("MM1", "1", 1);

        finish(id, lease(id), 139, "skipped", "Segmentation fault").then().statusCode(204);
        assertThat(runs(id).getString("[0].state")).isEqualTo("PENDING");
        assertThat(runs(id).getString("[0].failureClass")).isEqualTo("EXIT_CODE");
        finish(id, lease(id), 139, "skipped", "Segmentation fault").then().statusCode(204);

        Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(10));
        given().when().get("/campaigns/" + id + "/runs/1/attempts").then().statusCode(200)
                .body("failureClass", equalTo(List.of("EXIT_CODE", "EXIT_CODE")));
    }

    @Test
    void exitRulesOverrideTheDefaults() {
        List<Map<String, Object>> rules = List.of(
                Map.of("onOutput", "*negative service time*", "action", "retry"),
                Map.of("onExitCode", "13?", "action", "EXIT"));
        String id = runningCampaign("MM1", "1", 3, Map.of("exitRules", rules));
        Campaigns.get(id);
        given().when().get("/campaigns/" + id).then().body("exitRules[0].onOutput", equalTo("*negative service time*"))
                .body("exitRules[1].action", equalTo("EXIT"));

        finish(id, lease(id), 1, "skipped", MODEL_ERROR).then().statusCode(204);
        assertThat(runs(id).getString("[0].state")).isEqualTo("PENDING");
        assertThat(runs(id).getString("[0].failureClass")).isEqualTo("MODEL_ERROR");
        finish(id, lease(id), 137, "skipped", "Killed").then().statusCode(204);

        JsonPath campaign = Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(10));
        assertThat(campaign.getString("error")).contains("exited with code 137")
                .contains("the run is not tried again (exit rule onExitCode '13?' -> EXIT)");
        assertThat(runs(id).getInt("[0].attempts")).isEqualTo(2);
    }

    @Test
    void anExitRuleWithoutConditionIsRefused() {
        Map<String, Object> body = new HashMap<>(Campaigns.queueing("MM1"));
        body.put("exitRules", List.of(Map.of("onExitCode", "1"), Map.of("action", "RETRY")));
        given().contentType(ContentType.JSON).body(body).when().post("/campaigns").then().statusCode(400)
                .body("detail", equalTo("Exit rule 1 needs an action, RETRY or EXIT."));
        body.put("exitRules", List.of(Map.of("onExitCode", "1x", "action", "RETRY")));
        given().contentType(ContentType.JSON).body(body).when().post("/campaigns").then().statusCode(400)
                .body("detail", equalTo("Exit rule 1 has onExitCode '1x', which is not digits with * or ?."));
    }
}
