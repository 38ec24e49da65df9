package io.simswarm.scheduler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.SchedulerProcess;
import io.simswarm.scheduler.support.StandIns;
import io.simswarm.scheduler.support.SwarmServices;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two scheduler instances side by side on one schema, as two replicas of the service: a campaign has one owner,
 * which starts its workers once; when the owner is killed the other instance takes the campaign over within
 * seconds (ownership lease of 3 s here) and the campaign finishes with every run uploaded once and its workers
 * started once. The killed instance is started again (its workers' lease calls, which name it, go on then), as in a
 * rolling restart.
 */
class SchedulerReplicasIT {

    @RegisterExtension
    static final SchedulerProcess schedulers = new SchedulerProcess("scheduler_replicas_it");

    @Test
    void aCampaignIsTakenOverWhenItsOwnerDiesAndItsWorkersAreStartedOnce() throws Exception {
        Map<String, String> a = Map.of("simswarm.scheduler.ownership.instance-name", "a",
                "simswarm.scheduler.ownership.ttl", "3s", "simswarm.scheduler.ownership.interval", "1s");
        Map<String, String> b = Map.of("simswarm.scheduler.ownership.instance-name", "b",
                "simswarm.scheduler.ownership.ttl", "3s", "simswarm.scheduler.ownership.interval", "1s");
        schedulers.start(0, a);
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("simArgs", "--sim-time-limit=30000s");
        String id = Campaigns.submit(body);
        Campaigns.awaitStatus(id, "RUNNING", Duration.ofMinutes(2));
        schedulers.start(1, b);
        assertThat(owner(id)).as("the instance that ran the campaign owns it").isEqualTo("a");
        await().atMost(Duration.ofMinutes(1)).until(() -> Campaigns.get(id).getInt("runs.succeeded") >= 1);

        schedulers.kill(0);
        await("b takes the campaign over").atMost(Duration.ofSeconds(20)).until(() -> "b".equals(owner(id)));
        schedulers.start(0, a);
        assertThat(owner(id)).as("a, back, does not take it back while b holds it").isEqualTo("b");

        JsonPath campaign = Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofMinutes(4));
        assertThat(campaign.getInt("runs.succeeded")).isEqualTo(campaign.getInt("runs.total"));
        JsonPath runs = given().when().get("/campaigns/" + id + "/runs").then().statusCode(200).extract().jsonPath();
        for (int run : runs.getList("runNumber", Integer.class)) {
            assertThat(StandIns.uploads(id, run)).as("uploads of run %d", run).isEqualTo(1);
        }
        assertThat(schedulers.count("select worker_generation from {schema}.campaign where id = ?", id))
                .as("worker services started for the campaign").isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> SwarmServices.of(id).isEmpty());
    }

    private static String owner(String id) throws Exception {
        return schedulers.value("select owner from {schema}.campaign where id = ?", id);
    }
}
