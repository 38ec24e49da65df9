package io.simswarm.scheduler.expansion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.events.CampaignEvent;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import io.simswarm.scheduler.support.SwarmServices;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expansion of a built campaign into runs, by the simulation itself in a one-off Swarm job. */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class ExpansionTest {

    @Test
    void storesOneRunPerNumberTheSimulationSelects() {
        Map<String, Object> body = Campaigns.queueing("MMc");
        body.put("runFilter", "$n==2");
        body.put("cpusPerRun", 512.0);
        String id = Campaigns.submit(body);

        JsonPath campaign = Campaigns.awaitStatus(id, "RUNNING", Duration.ofSeconds(120));

        assertThat(campaign.getInt("runs.total")).isEqualTo(6);
        assertThat(campaign.getInt("runs.pending")).isEqualTo(6);
        assertThat(campaign.getString("image")).isNotBlank();
        assertThat(campaign.getString("imageDigest")).isEqualTo(StandIns.IMAGE_DIGEST);
        assertThat(campaign.getString("baseImageDigest")).isEqualTo(StandIns.BASE_IMAGE_DIGEST);
        assertThat(campaign.getString("simulatorVersion")).as("what ./queueing -v printed in the image")
                .isEqualTo("queueing 1.0 (SimSwarm example; OMNeT++ 6 compatible command line and result files)");
        assertThat(campaign.getString("startedAt")).isNotNull();
        JsonPath runs = given().when().get("/campaigns/" + id + "/runs").then().statusCode(200).extract().jsonPath();
        assertThat(runs.getList("runNumber", Integer.class)).containsExactly(6, 7, 8, 9, 10, 11);
        assertThat(runs.getMap("find { it.runNumber == 9 }.itervars"))
                .as("the variables of each run as the simulation lists them, in its order")
                .containsExactly(Map.entry("n", "2"), Map.entry("rho", "0.7"), Map.entry("repetition", "1"));
        await().atMost(Duration.ofSeconds(30)).until(() -> StandIns.campaignEvents(id).stream()
                .anyMatch(e -> e.type() == CampaignEvent.Type.STARTED && e.totalRuns() == 6
                        && campaign.getString("simulatorVersion").equals(e.simulatorVersion())));
        assertThat(SwarmServices.of(id, "expand")).isEmpty();
        assertThat(SwarmServices.of(id, "workers")).hasSize(1);
        assertThat(SwarmServices.resources(SwarmServices.of(id, "workers").get(0)))
                .as("no node has 512 CPUs: they are reserved, and the workers wait for a node with room")
                .contains("\"Reservations\":{\"NanoCPUs\":512000000000}");

        given().when().post("/campaigns/" + id + "/cancel").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> SwarmServices.of(id).isEmpty());
    }

    @Test
    void aCampaignWithAPrecisionTargetStartsEachPointWithItsIniRepetitionsNumberedUnderItsBudget() {
        Map<String, Object> body = Campaigns.queueing("MMc");
        body.put("runFilter", "$n==2");
        body.put("cpusPerRun", 512.0);
        body.put("until", java.util.List.of("queueingTime:mean ci95<=2%"));
        body.put("maxRepetitions", 5);
        String id = Campaigns.submit(body);

        JsonPath campaign = Campaigns.awaitStatus(id, "RUNNING", Duration.ofSeconds(120));

        assertThat(campaign.getList("until", String.class)).containsExactly("queueingTime:mean ci95<=2%");
        assertThat(campaign.getInt("maxRepetitions")).isEqualTo(5);
        assertThat(campaign.getInt("points.total")).isEqualTo(3);
        assertThat(campaign.getInt("points.open")).isEqualTo(3);
        assertThat(campaign.getInt("runs.total")).isEqualTo(6);
        // MMc is n (1..4) x rho (0.5, 0.7, 0.9) x repetition; with --repeat=5 the point n=2, rho=0.5 is the fourth
        JsonPath runs = given().when().get("/campaigns/" + id + "/runs").then().statusCode(200).extract().jsonPath();
        assertThat(runs.getList("runNumber", Integer.class)).containsExactly(15, 16, 20, 21, 25, 26);
        assertThat(runs.getMap("find { it.runNumber == 21 }.itervars"))
                .containsExactly(Map.entry("n", "2"), Map.entry("rho", "0.7"), Map.entry("repetition", "1"));
        JsonPath points = given().when().get("/campaigns/" + id + "/points").then().statusCode(200).extract()
                .jsonPath();
        assertThat(points.getList("state", String.class)).containsExactly("OPEN", "OPEN", "OPEN");
        assertThat(points.getList("runs", Integer.class)).containsExactly(2, 2, 2);
        assertThat(points.getList("maxRuns", Integer.class)).containsExactly(5, 5, 5);
        assertThat(points.getList("collect { it.itervars[1].value }", String.class)).containsExactly("0.5", "0.7", "0.9");
        assertThat(SwarmServices.environment(SwarmServices.of(id, "workers").get(0)))
                .as("every run is numbered under the budget").contains("SIMSWARM_SIM_ARGS=--repeat=5");

        given().when().post("/campaigns/" + id + "/cancel").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> SwarmServices.of(id).isEmpty());
    }

    @Test
    void aSampleRunsItsFirstRunsAndRecordsTheOthersAsCancelled() {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("cpusPerRun", 512.0);
        body.put("sampleRuns", 2);
        String id = Campaigns.submit(body);

        JsonPath campaign = Campaigns.awaitStatus(id, "RUNNING", Duration.ofSeconds(120));

        assertThat(campaign.getInt("sampleRuns")).isEqualTo(2);
        assertThat(campaign.getInt("runs.total")).isEqualTo(6);
        assertThat(campaign.getInt("runs.pending")).isEqualTo(2);
        assertThat(campaign.getInt("runs.cancelled")).isEqualTo(4);
        JsonPath runs = given().when().get("/campaigns/" + id + "/runs").then().statusCode(200).extract().jsonPath();
        assertThat(runs.getList("findAll { it.state == 'PENDING' }.runNumber", Integer.class)).containsExactly(0, 1);
        assertThat(runs.getString("find { it.runNumber == 5 }.error")).isEqualTo("Not in the sample of the first 2 runs.");

        given().when().post("/campaigns/" + id + "/cancel").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> SwarmServices.of(id).isEmpty());
    }

    @Test
    void anUnknownConfigFailsTheCampaignWithTheSimulationsMessage() {
        String id = Campaigns.submit(Campaigns.queueing("Nope"));

        JsonPath campaign = Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(120));

        assertThat(campaign.getString("error"))
                .isEqualTo("Listing the runs of config 'Nope' failed: <!> Error: No such config: Nope");
        assertThat(campaign.getInt("runs.total")).isZero();
        assertThat(SwarmServices.of(id)).isEmpty();
    }

    @Test
    void aFilterThatSelectsNoRunFailsTheCampaign() {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("runFilter", "$rho > 5");
        String id = Campaigns.submit(body);

        JsonPath campaign = Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(120));

        assertThat(campaign.getString("error")).isEqualTo("The run filter '$rho > 5' selects no run of config 'MM1'.");
    }

    @Test
    void aFilterTheSimulationCannotEvaluateFailsWithItsMessage() {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("runFilter", "$foo > 1");
        String id = Campaigns.submit(body);

        JsonPath campaign = Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(120));

        assertThat(campaign.getString("error")).isEqualTo("Listing the runs of config 'MM1' with run filter '$foo > 1'"
                + " failed: <!> Error: Cannot evaluate run filter: No such variable: $foo");
    }

    @Test
    void anImageNoNodeHasFailsTheCampaignNamingTheImage() {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("repoUrl", StandIns.REPO + "missing-image");
        String id = Campaigns.submit(body);

        JsonPath campaign = Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(180));

        assertThat(campaign.getString("error")).startsWith("The job listing the runs of config 'MM1' could not run in"
                + " image simswarm-test/no-such-image:");
    }
}
