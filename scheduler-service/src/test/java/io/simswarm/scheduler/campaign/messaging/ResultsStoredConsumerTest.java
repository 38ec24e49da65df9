package io.simswarm.scheduler.campaign.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.events.ResultsStored;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import io.simswarm.scheduler.support.TestWorker;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** results-stored events as they arrive in batches: repeated, for unknown campaigns, before or after the finish. */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class ResultsStoredConsumerTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aBurstOfEventsWithRepeatsAndStrangersCompletesTheCampaignOnce() {
        String id = TestWorker.runningCampaign("MM1", "0..3", 0);
        for (int i = 0; i < 4; i++) {
            var lease = TestWorker.lease(id);
            if (i < 2) {
                TestWorker.finish(id, lease, 0, "ok", "End.").then().statusCode(204);
            }
        }
        assertThat(TestWorker.runs(id).getList("state"))
                .containsExactly("UPLOADED", "UPLOADED", "RUNNING", "RUNNING");
        List<ResultsStored> events = List.of(ResultsStored.of(id, 0, 3, 40, List.of()),
                ResultsStored.of(id, 1, 3, 40, List.of()), ResultsStored.of(id, 2, 3, 40, List.of()),
                ResultsStored.of(id, 3, 3, 40, List.of()));

        StandIns.publishResultsStored(ResultsStored.of("no-such-campaign", 0, 1, 1, List.of()));
        events.forEach(StandIns::publishResultsStored);
        events.forEach(StandIns::publishResultsStored);
        Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(30));

        assertThat(TestWorker.runs(id).getList("state")).containsOnly("SUCCEEDED");
        assertThat(StandIns.campaignEvents(id).stream().filter(e -> "SUCCEEDED".equals(e.status())).count())
                .as("one FINISHED event").isEqualTo(1);
        Number remembered = (Number) entityManager.createNativeQuery("select count(*) from consumed_event"
                + " where event_id in (?1, ?2, ?3, ?4)")
                .setParameter(1, events.get(0).eventId()).setParameter(2, events.get(1).eventId())
                .setParameter(3, events.get(2).eventId()).setParameter(4, events.get(3).eventId())
                .getSingleResult();
        assertThat(remembered.intValue()).isEqualTo(4);
    }
}
