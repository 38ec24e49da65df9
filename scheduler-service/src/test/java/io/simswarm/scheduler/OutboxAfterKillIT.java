package io.simswarm.scheduler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.simswarm.events.CampaignEvent;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.SchedulerProcess;
import io.simswarm.scheduler.support.StandIns;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Events a scheduler committed but could not send before it was killed are sent by the next start: the scheduler
 * runs as its own process ({@link SchedulerProcess}) with Kafka out of its reach, commits a change, is killed with
 * kill -9, and starts again with the broker back. The build request of a submitted campaign and the FINISHED event of
 * a cancelled one each arrive, and are taken once (the {@link StandIns} play the build service and the provisioner's
 * consumer, and take each event id once, as their inboxes do: the outbox may send an event again when Kafka is slow
 * to acknowledge it), and the campaign goes on as if nothing had happened.
 */
class OutboxAfterKillIT {

    @RegisterExtension
    static final SchedulerProcess scheduler = new SchedulerProcess("scheduler_outbox_it");

    @Test
    void aBuildRequestCommittedBeforeAKillIsSentAfterTheRestartAndTheCampaignFinishes() throws Exception {
        scheduler.start(SchedulerProcess.NO_KAFKA);
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("runFilter", "$rho==0.5");
        String id = Campaigns.submit(body);
        assertThat(Campaigns.get(id).getString("status")).isEqualTo("BUILDING");
        assertThat(scheduler.count("select count(*) from {schema}.outbox where record_key = ?", id))
                .as("SUBMITTED and the build request wait in the outbox").isEqualTo(2);
        scheduler.kill();
        assertThat(StandIns.buildRequests(id)).as("nothing reached Kafka before the kill").isEmpty();

        scheduler.start();
        Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofMinutes(3));
        assertThat(StandIns.buildRequests(id)).hasSize(1);
        assertThat(StandIns.campaignEvents(id)).extracting(CampaignEvent::type).containsExactly(
                CampaignEvent.Type.SUBMITTED, CampaignEvent.Type.STARTED, CampaignEvent.Type.FINISHED);
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.count(
                "select count(*) from {schema}.outbox where record_key = ?", id) == 0);
    }

    @Test
    void aFinishedEventCommittedBeforeAKillIsSentAfterTheRestart() throws Exception {
        scheduler.start();
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("cpusPerRun", 512.0); // its workers wait for a node: the campaign stays RUNNING until cancelled
        String id = Campaigns.submit(body);
        Campaigns.awaitStatus(id, "RUNNING", Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> StandIns.campaignEvents(id).size() == 2
                && scheduler.count("select count(*) from {schema}.outbox where record_key = ?", id) == 0);
        scheduler.kill();

        scheduler.start(SchedulerProcess.NO_KAFKA);
        given().when().post("/campaigns/" + id + "/cancel").then().statusCode(200);
        assertThat(scheduler.count("select count(*) from {schema}.outbox where record_key = ?", id)).isEqualTo(1);
        scheduler.kill();
        assertThat(StandIns.campaignEvents(id)).extracting(CampaignEvent::type)
                .doesNotContain(CampaignEvent.Type.FINISHED);

        scheduler.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> StandIns.campaignEvents(id).size() == 3);
        assertThat(StandIns.campaignEvents(id)).extracting(CampaignEvent::type).containsExactly(
                CampaignEvent.Type.SUBMITTED, CampaignEvent.Type.STARTED, CampaignEvent.Type.FINISHED);
        assertThat(StandIns.campaignEvents(id).get(2).status()).isEqualTo("CANCELLED");
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> StandIns.campaignEvents(id).size() == 3);
    }
}
