package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Passing outages during a campaign lose no run and repeat none: the results service killed with SIGKILL and started
 * again 30 s later (runners keep their packed results and retry their uploads, heartbeating their leases), and the
 * Kafka broker stopped for 60 s (uploads do not wait for Kafka; the stored results are announced when it is back).
 * Every run succeeds at its first attempt, no attempt is LOST, and no run's results are stored twice.
 */
class OutageEndToEndIT extends EndToEndTest {

    @Test
    void aResultsServiceDownFor30SecondsMidCampaignLosesAndRepeatsNothing() throws Exception {
        String id = Drills.submitLongRuns(project);
        awaitRunning(id);

        services.kill(ServiceCluster.RESULTS);
        Thread.sleep(Duration.ofSeconds(30).toMillis()); // the outage lasts 30 s
        services.restart(ServiceCluster.RESULTS);

        assertEveryRunStoredOnceAtItsFirstAttempt(id);
    }

    @Test
    void kafkaDownFor60SecondsMidCampaignLosesNoLease() throws Exception {
        String id = Drills.submitLongRuns(project);
        awaitRunning(id);

        Drills.infra(root, "down", "kafka");
        try {
            Thread.sleep(Duration.ofSeconds(60).toMillis()); // the outage lasts 60 s
        } finally {
            Drills.infra(root, "up", "kafka");
        }

        assertEveryRunStoredOnceAtItsFirstAttempt(id);
    }

    private static void awaitRunning(String id) {
        Awaitility.await("campaign " + id + " running its first runs").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> Drills.scheduler("/campaigns/" + id), c -> c.path("status").asText().equals("RUNNING")
                        && c.path("runs").path("running").asInt() > 0);
    }

    private static void assertEveryRunStoredOnceAtItsFirstAttempt(String id) throws Exception {
        JsonNode campaign = Awaitility.await("campaign " + id + " ended").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Drills.scheduler("/campaigns/" + id), c -> !Drills.underWay(c));
        assertThat(campaign.path("status").asText()).as(campaign.toString()).isEqualTo("SUCCEEDED");
        assertThat(campaign.path("runs").path("failed").asInt()).isZero();
        JsonNode runs = Drills.scheduler("/campaigns/" + id + "/runs");
        assertThat(runs).hasSize(6);
        List<String> outcomes = new ArrayList<>();
        for (JsonNode run : runs) {
            assertThat(run.path("attempts").asInt()).as("attempts of run %s", run.path("runNumber")).isEqualTo(1);
            Drills.scheduler("/campaigns/" + id + "/runs/" + run.path("runNumber").asInt() + "/attempts")
                    .forEach(attempt -> outcomes.add(attempt.path("outcome").asText()));
        }
        assertThat(outcomes).as("attempts").containsOnly("SUCCEEDED");
        assertThat(Drills.storedTwice(id)).as("runs whose results were stored more than once").isZero();
    }
}
