package io.simswarm.scheduler.campaign;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.simswarm.events.BuildRequested;
import io.simswarm.events.CampaignEvent;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Submitting campaigns: defaults, the build request, and every bad input of a submission. */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class CampaignSubmitTest {

    @Test
    void acceptsACampaignFillsDefaultsAndAsksForItsBuild() {
        Map<String, Object> body = Map.of("repoUrl", StandIns.REPO + "broken", "config", "MM1", "ref", "main");
        String location = given().contentType(ContentType.JSON).body(body)
                .when().post("/campaigns")
                .then().statusCode(201)
                .body("id", notNullValue())
                .body("status", equalTo("BUILDING"))
                .body("cluster", equalTo("local"))
                .body("maxParallel", equalTo(2))
                .body("retries", equalTo(2))
                .body("runTimeoutSeconds", equalTo(3600))
                .body("cpusPerRun", equalTo(1.0f))
                .body("runCommand", equalTo("opp_run -l src/INET -n src:examples:showcases:tutorials"))
                .body("runs.total", equalTo(0))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().when().get("/campaigns").then().statusCode(200).body("id", hasItem(id));
        await().atMost(Duration.ofSeconds(30)).until(() -> !StandIns.buildRequests(id).isEmpty());
        BuildRequested request = StandIns.buildRequests(id).get(0);
        assertThat(request.repoUrl()).isEqualTo(StandIns.REPO + "broken");
        assertThat(request.ref()).isEqualTo("main");
        assertThat(request.dockerHost()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(request.cluster()).isEqualTo("local");
        assertThat(request.dockerTls()).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> StandIns.campaignEvents(id).stream()
                .anyMatch(e -> e.type() == CampaignEvent.Type.SUBMITTED));
    }

    @Test
    void aFailedBuildFailsTheCampaignWithTheBuildsError() {
        String id = Campaigns.submit(Map.of("repoUrl", StandIns.REPO + "broken", "config", "MM1"));

        JsonPath campaign = Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(60));

        assertThat(campaign.getString("error")).startsWith("The build failed: ")
                .contains("make: *** [Makefile:18: build/model.o] Error 1");
        assertThat(campaign.getString("buildId")).isEqualTo("build-" + id);
        assertThat(campaign.getString("finishedAt")).isNotNull();
        await().atMost(Duration.ofSeconds(30)).until(() -> StandIns.campaignEvents(id).stream()
                .anyMatch(e -> e.type() == CampaignEvent.Type.FINISHED && "FAILED".equals(e.status())));
    }

    @Test
    void rejectsAMissingRepoUrl() {
        given().contentType(ContentType.JSON).body(Map.of("config", "MM1"))
                .when().post("/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("repoUrl must not be blank"));
    }

    @Test
    void rejectsAMissingConfig() {
        given().contentType(ContentType.JSON).body(Map.of("repoUrl", StandIns.REPO + "queueing"))
                .when().post("/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("config must not be blank"));
    }

    @Test
    void rejectsMaxParallelBelowOne() {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("maxParallel", 0);
        given().contentType(ContentType.JSON).body(body)
                .when().post("/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("maxParallel must be greater than or equal to 1"));
    }

    @Test
    void rejectsNegativeRetries() {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("retries", -1);
        given().contentType(ContentType.JSON).body(body)
                .when().post("/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("retries must be greater than or equal to 0"));
    }

    @Test
    void rejectsAnUnknownCluster() {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("cluster", "nowhere");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("Cluster 'nowhere' is not known to the provisioner at http://"));
    }

    @Test
    void rejectsAClusterThatIsNotReady() {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("cluster", "halted");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/campaigns")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Cluster 'halted' is HALTED, not READY; resume it or choose another cluster."));
    }

    @Test
    void rejectsARequestWithoutBody() {
        given().contentType(ContentType.JSON)
                .when().post("/campaigns")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void rejectsJsonOfTheWrongShape() {
        given().contentType(ContentType.JSON).body("{\"repoUrl\":\"x\",\"config\":\"MM1\",\"maxParallel\":\"many\"}")
                .when().post("/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("at field 'maxParallel'"));
    }

    @Test
    void answers404ForAnUnknownCampaign() {
        given().when().get("/campaigns/no-such-campaign")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No campaign has the id 'no-such-campaign'."));
        given().when().get("/campaigns/no-such-campaign/runs")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().post("/campaigns/no-such-campaign/cancel")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().post("/campaigns/no-such-campaign/retry-failed")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
