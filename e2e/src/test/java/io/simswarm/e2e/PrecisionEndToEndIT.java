package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Repetitions until a confidence interval is tight, on the example simulation with every service running: config MM1
 * (three loads, repeat 2 in the ini) with a target on the queueing time's mean. Each point starts with the ini's two
 * repetitions and gets more until its half-width is within 2 % of its mean or it has the most repetitions allowed;
 * the figures each decision was made on are the ones the results service reports for the point's runs.
 */
class PrecisionEndToEndIT extends EndToEndTest {

    private static final String TARGET = "queueingTime:mean ci95<=2%";
    private static final int BUDGET = 12;

    @Test
    void everyPointEndsWithinItsTargetOrAtItsBudgetAsTheResultsServiceReports() throws Exception {
        Processes.Result run = Processes.run(project, services.cliEnvironment(), 900, cli("run", "-c", "MM1",
                "-j", "4", "--build-command", "make", "--run-command", "./queueing", "--until", TARGET,
                "--max-repetitions", String.valueOf(BUDGET), "--no-download"));

        assertThat(run.exitCode()).as("simswarm run:%n%s%s", run.stdout(), run.stderr()).isZero();
        String campaign = campaignId(run.stdout());
        assertThat(run.stdout()).contains("points within target");

        JsonNode view = get(ServiceCluster.SCHEDULER, "/campaigns/" + campaign);
        assertThat(view.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(view.path("until").get(0).asText()).isEqualTo(TARGET);
        assertThat(view.path("points").path("total").asInt()).isEqualTo(3);
        assertThat(view.path("points").path("open").asInt()).isZero();

        JsonNode points = get(ServiceCluster.SCHEDULER, "/campaigns/" + campaign + "/points");
        assertThat(points).hasSize(3);
        Map<String, List<Integer>> runsByPoint = runsByPoint(get(ServiceCluster.SCHEDULER,
                "/campaigns/" + campaign + "/runs"));
        int total = 0;
        for (JsonNode point : points) {
            String rho = point.path("itervars").get(0).path("value").asText();
            String state = point.path("state").asText();
            int runs = point.path("runs").asInt();
            total += runs;
            assertThat(state).as("point rho=%s", rho).isIn("MET", "BUDGET");
            assertThat(runs).as("point rho=%s: repetitions were added to the ini's 2", rho).isGreaterThan(2)
                    .isLessThanOrEqualTo(BUDGET);
            assertThat(point.path("succeeded").asInt()).isEqualTo(runs);
            JsonNode measure = point.path("measures").get(0);
            assertThat(measure.path("module").asText()).isEqualTo("Queueing.queue");
            double halfWidth = measure.path("halfWidth").asDouble();
            double limit = measure.path("limit").asDouble();
            assertThat(limit).isCloseTo(0.02 * Math.abs(measure.path("mean").asDouble()), Offset.offset(1e-15));
            if (state.equals("MET")) {
                assertThat(halfWidth).as("point rho=%s", rho).isLessThanOrEqualTo(limit);
            } else {
                assertThat(runs).isEqualTo(BUDGET);
                assertThat(halfWidth).as("point rho=%s", rho).isGreaterThan(limit);
            }

            // the results service, asked now for the point's runs, reports the figures of the decision
            List<Integer> numbers = runsByPoint.get(rho);
            assertThat(numbers).hasSize(runs);
            JsonNode reported = get(ServiceCluster.RESULTS, "/campaigns/" + campaign + "/scalars?aggregate=true&name="
                    + URLEncoder.encode("queueingTime:mean", StandardCharsets.UTF_8) + "&run="
                    + numbers.stream().map(String::valueOf).collect(Collectors.joining(",")));
            assertThat(reported).hasSize(1);
            assertThat(reported.get(0).path("count").asInt()).isEqualTo(runs);
            assertThat(reported.get(0).path("mean").asDouble()).isEqualTo(measure.path("mean").asDouble());
            assertThat(reported.get(0).path("ci95HalfWidth").asDouble()).isEqualTo(halfWidth);
        }
        assertThat(view.path("runs").path("total").asInt()).isEqualTo(total);

        Processes.Result status = Processes.run(project, services.cliEnvironment(), 60, cli("status", campaign));
        assertThat(status.exitCode()).as(status.stderr()).isZero();
        assertThat(status.stdout()).contains("target    " + TARGET).contains("rho=0.5").contains("rho=0.9");
    }

    /** The campaign's run numbers by the value of {@code rho}, from the scheduler's run list. */
    private static Map<String, List<Integer>> runsByPoint(JsonNode runs) {
        Map<String, List<Integer>> byPoint = new TreeMap<>();
        for (JsonNode run : runs) {
            byPoint.computeIfAbsent(run.path("itervars").path("rho").asText(), k -> new ArrayList<>())
                    .add(run.path("runNumber").asInt());
        }
        return byPoint;
    }


}
