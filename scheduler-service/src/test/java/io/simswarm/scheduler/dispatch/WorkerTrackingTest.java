package io.simswarm.scheduler.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import io.simswarm.scheduler.support.SwarmServices;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Worker tasks that cannot start are seen through the Swarm API and fail their campaign with Swarm's reason. */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class WorkerTrackingTest {

    @Test
    void workersThatCannotStartFailTheCampaignAndItsServicesAreRemoved() {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("repoUrl", StandIns.REPO + "no-runner");
        String id = Campaigns.submit(body);

        JsonPath campaign = Campaigns.awaitStatus(id, "FAILED", Duration.ofSeconds(180));

        assertThat(campaign.getString("error")).startsWith("The worker tasks cannot start: ")
                .contains("simswarm-runner");
        assertThat(campaign.getInt("runs.pending")).isEqualTo(6);
        await().atMost(Duration.ofSeconds(60)).until(() -> SwarmServices.of(id).isEmpty()
                && SwarmServices.containers(id).isEmpty());
    }
}
