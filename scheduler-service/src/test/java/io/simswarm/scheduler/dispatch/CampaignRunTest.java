package io.simswarm.scheduler.dispatch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.events.CampaignEvent;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import io.simswarm.scheduler.support.SwarmServices;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Campaigns of examples/queueing run for real: pilot worker tasks on the local swarm run the runner in the fixture
 * image, lease runs from the scheduler, upload every run's results (to the results stand-in, which publishes
 * results-stored on Kafka) and report back.
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class CampaignRunTest {

    @Test
    void aCampaignGoesFromSubmitToSucceededWithEveryRunsResultsUploadedOnce() {
        Map<String, Object> body = Campaigns.queueing("MMc");
        body.put("runFilter", "$rho==0.5");
        body.put("simArgs", "--sim-time-limit=20s");
        String id = Campaigns.submit(body);

        JsonPath campaign = Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofMinutes(4));

        assertThat(campaign.getInt("runs.total")).isEqualTo(8);
        assertThat(campaign.getInt("runs.succeeded")).isEqualTo(8);
        assertThat(campaign.getString("error")).isNull();
        JsonPath runs = given().when().get("/campaigns/" + id + "/runs").then().statusCode(200).extract().jsonPath();
        assertThat(runs.getList("runNumber", Integer.class)).containsExactly(0, 1, 6, 7, 12, 13, 18, 19);
        assertThat(runs.getList("state")).containsOnly("SUCCEEDED");
        assertThat(runs.getList("attempts", Integer.class)).containsOnly(1);
        assertThat(runs.getList("exitCode", Integer.class)).containsOnly(0);
        assertThat(runs.getList("node", String.class)).as("the node of each run's worker")
                .containsOnly(SwarmServices.nodeName());
        for (int run : runs.getList("runNumber", Integer.class)) {
            assertThat(StandIns.uploads(id, run)).as("uploads of run %d", run).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> types(id).containsAll(List.of(
                CampaignEvent.Type.SUBMITTED, CampaignEvent.Type.STARTED, CampaignEvent.Type.FINISHED)));
        assertThat(StandIns.campaignEvents(id).stream().filter(e -> e.type() == CampaignEvent.Type.FINISHED)
                .map(CampaignEvent::status)).containsExactly("SUCCEEDED");
        await().atMost(Duration.ofSeconds(60)).until(() -> SwarmServices.of(id).isEmpty()
                && SwarmServices.containers(id).isEmpty());
    }

    @Test
    void aModelErrorIsAttemptedOnceWhileTheOthersSucceed() {
        Map<String, Object> body = Campaigns.queueing("Faulty");
        body.put("runFilter", "0..3");
        body.put("retries", 1);
        String id = Campaigns.submit(body);

        JsonPath campaign = Campaigns.awaitStatus(id, "FAILED", Duration.ofMinutes(4));

        assertThat(campaign.getInt("runs.succeeded")).isEqualTo(3);
        assertThat(campaign.getInt("runs.failed")).isEqualTo(1);
        assertThat(campaign.getString("error")).startsWith("Run 1 failed after 1 attempt: Attempt 1 on ")
                .contains("stopped with a model error (exit code 1): <!> Error: Injected failure: run 1 of config"
                        + " Faulty is listed in fail-runs")
                .contains("so the run is not tried again");
        JsonPath run1 = given().when().get("/campaigns/" + id + "/runs").then().statusCode(200).extract().jsonPath();
        assertThat(run1.getString("find { it.runNumber == 1 }.state")).isEqualTo("FAILED");
        assertThat(run1.getInt("find { it.runNumber == 1 }.attempts")).as("its retry is not spent").isEqualTo(1);
        assertThat(run1.getString("find { it.runNumber == 1 }.failureClass")).isEqualTo("MODEL_ERROR");
        assertThat(StandIns.uploads(id, 1)).isZero();
        given().when().get("/campaigns/" + id + "/runs/1/attempts").then().statusCode(200)
                .body("outcome", equalTo(List.of("FAILED")))
                .body("failureClass", equalTo(List.of("MODEL_ERROR")))
                .body("exitCode", equalTo(List.of(1)));

        given().when().post("/campaigns/" + id + "/retry-failed")
                .then().statusCode(200).body("status", equalTo("RUNNING")).body("runs.pending", equalTo(1));
        JsonPath again = Campaigns.awaitStatus(id, "FAILED", Duration.ofMinutes(4));
        assertThat(again.getString("error")).startsWith("Run 1 failed after 1 attempt: Attempt 2 on ");
        assertThat(StandIns.uploads(id, 0)).isEqualTo(1);
    }

    @Test
    void cancellingARunningCampaignStopsItsWorkers() {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("simArgs", "--sim-time-limit=200000s");
        String id = Campaigns.submit(body);
        Campaigns.awaitStatus(id, "RUNNING", Duration.ofMinutes(2));
        await().atMost(Duration.ofMinutes(1)).until(() -> Campaigns.get(id).getInt("runs.running") > 0);

        given().when().post("/campaigns/" + id + "/cancel").then().statusCode(200).body("status",
                equalTo("CANCELLED"));

        await().atMost(Duration.ofSeconds(60)).until(() -> SwarmServices.of(id).isEmpty()
                && SwarmServices.containers(id).isEmpty());
        assertThat(Campaigns.get(id).getString("status")).isEqualTo("CANCELLED");
    }

    private static List<CampaignEvent.Type> types(String id) {
        return StandIns.campaignEvents(id).stream().map(CampaignEvent::type).toList();
    }
}
