package io.simswarm.scheduler.lease;

import static io.simswarm.scheduler.support.TestWorker.finishAfter;
import static io.simswarm.scheduler.support.TestWorker.lease;
import static io.simswarm.scheduler.support.TestWorker.runningCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.LongestFirst;
import io.simswarm.scheduler.support.StandIns;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Once earlier runs of a configuration tell how long each run takes, the next campaign's runs are leased longest
 * first; without history, lowest numbers first.
 */
@QuarkusTest
@TestProfile(LongestFirst.class)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class LongestFirstTest {

    /** Leases the campaign's six runs one by one, each taking {@code 100 + 200 * run} ms; the order they came in. */
    private static List<Integer> runAll(String id) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, String> lease = lease(id);
            int run = Integer.parseInt(lease.get("run"));
            order.add(run);
            finishAfter(id, lease, 100 + 200L * run).then().statusCode(204);
            StandIns.publishResultsStored(id, run);
        }
        Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(30));
        return order;
    }

    @Test
    void theLongestExpectedRunsGoFirstOnceDurationsAreKnown() {
        String first = runningCampaign("Capacity", "0..5", 0);
        assertThat(runAll(first)).as("no history: lowest numbers first").containsExactly(0, 1, 2, 3, 4, 5);

        String second = runningCampaign("Capacity", "0..5", 0);
        assertThat(runAll(second)).containsExactly(5, 4, 3, 2, 1, 0);
    }
}
