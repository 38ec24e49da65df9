package io.simswarm.scheduler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
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
 * kill -9 of the scheduler in the middle of a campaign, then a new start: the built application runs as its own
 * process ({@link SchedulerProcess}) while {@link StandIns} stand in for the provisioner, the build service and the
 * results upload. The campaign must finish with every run's results uploaded exactly once and no run attempted a
 * second time.
 */
class ResumeAfterKillIT {

    @RegisterExtension
    static final SchedulerProcess scheduler = new SchedulerProcess("scheduler_resume_it");

    @Test
    void aCampaignFinishesAfterTheSchedulerIsKilledWithNothingLostOrRunTwice() throws Exception {
        scheduler.start();
        Map<String, Object> body = Campaigns.queueing("MMc");
        body.put("runFilter", "$n<=2");
        body.put("simArgs", "--sim-time-limit=3000s");
        String id = given().contentType(ContentType.JSON).body(body).when().post("/campaigns")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> Campaigns.get(id).getInt("runs.succeeded") >= 3);

        JsonPath beforeKill = runsOf(id);
        scheduler.kill();
        assertThat(SwarmServices.of(id, "workers")).as("workers outlive the scheduler").hasSize(1);
        assertThat(SwarmServices.resources(SwarmServices.of(id, "workers").get(0)))
                .as("a run's 0.5 CPUs are its container's limit, not a reservation")
                .contains("\"NanoCPUs\":500000000").doesNotContain("Reservations");
        scheduler.start();

        JsonPath campaign = Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofMinutes(4));
        assertThat(campaign.getInt("runs.total")).isEqualTo(12);
        assertThat(campaign.getInt("runs.succeeded")).isEqualTo(12);
        JsonPath runs = runsOf(id);
        assertThat(runs.getList("attempts", Integer.class)).as("attempts per run").containsOnly(1);
        for (int run : runs.getList("runNumber", Integer.class)) {
            assertThat(StandIns.uploads(id, run)).as("uploads of run %d", run).isEqualTo(1);
        }
        assertThat(beforeKill.getList("state")).contains("SUCCEEDED");
        await().atMost(Duration.ofSeconds(60)).until(() -> SwarmServices.of(id).isEmpty());
    }

    private static JsonPath runsOf(String id) {
        return given().when().get("/campaigns/" + id + "/runs").then().statusCode(200).extract().jsonPath();
    }
}
