package io.simswarm.results.campaign;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.results.Archives;
import io.simswarm.results.KafkaTopic;
import io.simswarm.results.TestRuns;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** campaign-events on the real broker: campaigns become known, redeliveries change nothing. */
@QuarkusTest
class CampaignEventConsumerTest {

    private static String event(UUID id, String campaign, String type, String status, int totalRuns, int version) {
        return "{\"version\":" + version + ",\"eventId\":\"" + id + "\",\"campaignId\":\"" + campaign
                + "\",\"cluster\":\"local\",\"type\":\"" + type + "\",\"status\":\"" + status + "\",\"totalRuns\":"
                + totalRuns + ",\"at\":\"2026-11-25T10:00:00Z\"}";
    }

    @Test
    void recordsCampaignsFromTheirEventsOnce() {
        String campaign = TestRuns.newCampaign();
        UUID started = UUID.randomUUID();
        KafkaTopic.publish("campaign-events", campaign, event(UUID.randomUUID(), campaign, "SUBMITTED", "PENDING", 0, 1));
        KafkaTopic.publish("campaign-events", campaign, event(started, campaign, "STARTED", "RUNNING", 24, 1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/campaigns/{c}", campaign).then()
                .statusCode(200).body("status", equalTo("RUNNING")).body("totalRuns", equalTo(24))
                .body("cluster", equalTo("local")).body("storedRuns", equalTo(0)));

        KafkaTopic.publish("campaign-events", campaign, event(UUID.randomUUID(), campaign, "FINISHED", "SUCCEEDED",
                24, 1));
        KafkaTopic.publish("campaign-events", campaign, event(started, campaign, "STARTED", "RUNNING", 24, 1));
        String marker = TestRuns.newCampaign();
        KafkaTopic.publish("campaign-events", campaign, event(UUID.randomUUID(), marker, "SUBMITTED", "PENDING", 0, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/campaigns/{c}", marker).then()
                .statusCode(200));
        given().get("/campaigns/{c}", campaign).then().statusCode(200).body("status", equalTo("SUCCEEDED"));
    }

    @Test
    void anUploadBeforeTheFirstEventCreatesTheCampaignAndTheEventCompletesIt() {
        String campaign = TestRuns.newCampaign();
        TestRuns.upload(campaign, 0, new Archives().file("a.sca", "version 3\nrun r\nscalar m x 1\n").tarGz())
                .statusCode(201);
        given().get("/campaigns/{c}", campaign).then().statusCode(200).body("status", equalTo(null))
                .body("storedRuns", equalTo(1));

        KafkaTopic.publish("campaign-events", campaign, event(UUID.randomUUID(), campaign, "STARTED", "RUNNING", 5, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/campaigns/{c}", campaign).then()
                .statusCode(200).body("status", equalTo("RUNNING")).body("totalRuns", equalTo(5))
                .body("storedRuns", equalTo(1)));
    }

    @Test
    void skipsUnreadableAndFutureEvents() {
        String campaign = TestRuns.newCampaign();
        KafkaTopic.publish("campaign-events", campaign, "not json");
        KafkaTopic.publish("campaign-events", campaign, event(UUID.randomUUID(), campaign, "SUBMITTED", "PENDING", 0, 99));
        String marker = TestRuns.newCampaign();
        KafkaTopic.publish("campaign-events", campaign, event(UUID.randomUUID(), marker, "SUBMITTED", "PENDING", 0, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/campaigns/{c}", marker).then()
                .statusCode(200));
        given().get("/campaigns/{c}", campaign).then().statusCode(404);
    }
}
