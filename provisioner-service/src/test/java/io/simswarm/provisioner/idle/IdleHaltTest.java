package io.simswarm.provisioner.idle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.events.CampaignEvent;
import io.simswarm.events.ClusterEvent;
import io.simswarm.events.EventVersion;
import io.simswarm.provisioner.support.Clusters;
import io.simswarm.provisioner.support.Kafka;
import io.simswarm.provisioner.support.Kafka.ClusterEventsProbe;
import io.simswarm.provisioner.support.Moto;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A cloud cluster with no running campaign for idleHaltMinutes is halted; campaign-events tell which campaigns run,
 * redeliveries change nothing. The cluster is a manager-only EC2 cluster on moto whose Docker endpoint is this
 * machine's engine (it only reads the node list there).
 */
@QuarkusTest
class IdleHaltTest {

    @Test
    void haltsOnlyOnceTheLastCampaignFinishedAndTheIdleTimePassed() {
        String name = Clusters.uniqueName("idle");
        String campaign = UUID.randomUUID().toString();
        try (ClusterEventsProbe events = new ClusterEventsProbe()) {
            Clusters.create(Map.of("name", name, "provider", "aws", "workers", 0, "idleHaltMinutes", 0.05,
                    "dockerHost", "unix:///var/run/docker.sock"));
            CampaignEvent started = event(campaign, name, CampaignEvent.Type.STARTED);
            Kafka.publish(started);
            await().atMost(Duration.ofSeconds(60)).until(() -> Clusters.get(name).getInt("runningCampaigns") == 1);
            assertThat(Clusters.awaitState(name, "READY").getDouble("idleHaltMinutes")).isEqualTo(0.05);

            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                    .until(() -> "READY".equals(Clusters.get(name).getString("state")));

            Kafka.publish(event(campaign, name, CampaignEvent.Type.FINISHED));
            Kafka.publish(started); // a redelivery of an event already handled changes nothing
            Clusters.awaitState(name, "HALTED");
            assertThat(Clusters.get(name).getInt("runningCampaigns")).isZero();
            assertThat(Moto.instances(name, "manager", "stopped")).hasSize(1);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> events.typesOf(name).contains(ClusterEvent.Type.HALTED));
        } finally {
            Clusters.deleteQuietly(name);
        }
    }

    @Test
    void eventsAboutUnknownClustersAreIgnored() {
        String campaign = UUID.randomUUID().toString();
        Kafka.publish(event(campaign, "no-such-cluster-" + campaign.substring(0, 8), CampaignEvent.Type.STARTED));
        Kafka.publish(event(UUID.randomUUID().toString(), "local", CampaignEvent.Type.SUBMITTED));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().when().get("/clusters/local")
                .then().extract().jsonPath().getInt("runningCampaigns") >= 1);
        given().when().get("/clusters/no-such-cluster-" + campaign.substring(0, 8)).then().statusCode(404);
    }

    private static CampaignEvent event(String campaign, String cluster, CampaignEvent.Type type) {
        return new CampaignEvent(EventVersion.CURRENT, UUID.randomUUID(), campaign, cluster, type,
                type == CampaignEvent.Type.FINISHED ? "SUCCEEDED" : "RUNNING", 10, null, Instant.now());
    }
}
