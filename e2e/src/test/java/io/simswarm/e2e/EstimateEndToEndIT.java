package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code simswarm run --estimate} on a configuration nothing has run yet, with every service running: the first runs
 * go as a sample campaign, and the estimate that follows knows the number of runs and rests on the sample's durations.
 */
class EstimateEndToEndIT extends EndToEndTest {

    @Test
    void withoutHistoryTheEstimateRunsASampleFirstAndThenRestsOnIt() throws Exception {
        Processes.Result estimate = Processes.run(project, services.cliEnvironment(), 900, cli("run", "-c", "MM1",
                "--build-command", "make", "--run-command", "./queueing", "--estimate", "--", "--sim-time-limit=50s"));

        assertThat(estimate.exitCode()).as("simswarm run --estimate:%n%s%s", estimate.stdout(), estimate.stderr())
                .isZero();
        Matcher sample = Pattern.compile("running the first 2 runs as a sample first, campaign ([0-9a-f-]{36})")
                .matcher(estimate.stderr());
        assertThat(sample.find()).as(estimate.stderr()).isTrue();
        assertThat(estimate.stdout()).contains("runs       6\n").containsPattern("core-hours .* from 2 earlier runs");

        JsonNode campaign = get(ServiceCluster.SCHEDULER, "/campaigns/" + sample.group(1));
        assertThat(campaign.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(campaign.path("sampleRuns").asInt()).isEqualTo(2);
        assertThat(campaign.path("runs").path("succeeded").asInt()).isEqualTo(2);
        assertThat(campaign.path("runs").path("cancelled").asInt()).isEqualTo(4);
    }
}
