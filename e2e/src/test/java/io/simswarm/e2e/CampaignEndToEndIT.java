package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole path a user takes: the four services run as separate processes on the real PostgreSQL, Kafka and
 * Docker swarm; {@code simswarm run} is started inside a git copy of examples/queueing; the project is built into
 * an image, the campaign is expanded and dispatched on the swarm, every run's results are uploaded, parsed,
 * aggregated and downloaded into ./results.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignEndToEndIT extends EndToEndTest {

    private static final String SIM_TIME = "--sim-time-limit=200s";
    private static final int MMC_RUNS = 24;

    private static String firstCampaign;

    @Test
    @Order(1)
    void campaignRunsEveryRunAndLeavesResultsLikeTheDirectRuns() throws Exception {
        Processes.Result run = simswarm(project, "run", "-c", "MMc", "-j", "4", "--build-command", "make",
                "--run-command", "./queueing", "--summary", "mean*", "--", SIM_TIME);

        assertThat(run.exitCode()).as("simswarm run:%n%s%s", run.stdout(), run.stderr()).isZero();
        assertThat(run.stdout()).contains("SUCCEEDED: 24 of 24 runs succeeded, 0 failed")
                .contains("scalars 'mean*', aggregated over repetitions:");
        firstCampaign = campaignId(run.stdout());

        List<ScaFile> downloaded = ScaFile.readAll(project.resolve("results"));
        assertThat(downloaded).hasSize(MMC_RUNS);
        try (Stream<Path> outs = Files.list(project.resolve("results"))) {
            assertThat(outs.filter(p -> p.toString().endsWith(".out")).count()).isEqualTo(MMC_RUNS);
        }

        List<ScaFile> direct = directRuns();
        assertThat(scalarsByRun(downloaded)).isEqualTo(scalarsByRun(direct));
        assertAggregatesMatch(direct, aggregates(firstCampaign));
    }

    @Test
    @Order(2)
    void secondCampaignOnTheSameCommitReusesTheBuild() throws Exception {
        Processes.Result run = simswarm(project, "run", "-c", "MMc", "-r", "0..3", "--build-command", "make",
                "--run-command", "./queueing", "--no-download", "--", SIM_TIME);

        assertThat(run.exitCode()).as("simswarm run:%n%s%s", run.stdout(), run.stderr()).isZero();
        String second = campaignId(run.stdout());
        JsonNode first = get(ServiceCluster.SCHEDULER, "/campaigns/" + firstCampaign);
        JsonNode again = get(ServiceCluster.SCHEDULER, "/campaigns/" + second);
        assertThat(again.path("image").asText()).isNotBlank().isEqualTo(first.path("image").asText());
        assertThat(again.path("imageDigest").asText()).matches("sha256:[0-9a-f]{64}")
                .isEqualTo(first.path("imageDigest").asText());
        assertThat(again.path("simulatorVersion").asText()).startsWith("queueing 1.0");
        JsonNode firstBuild = get(ServiceCluster.RESULTS, "/campaigns/" + firstCampaign + "/provenance").path("build");
        JsonNode secondBuild = get(ServiceCluster.RESULTS, "/campaigns/" + second + "/provenance").path("build");
        for (String input : List.of("commit", "image", "imageDigest", "baseImageDigest", "simulatorVersion")) {
            assertThat(secondBuild.path(input).asText()).as("provenance %s of both campaigns", input).isNotBlank()
                    .isEqualTo(firstBuild.path(input).asText());
        }
        assertThat(secondBuild.path("imageDigest").asText()).isEqualTo(again.path("imageDigest").asText());
        JsonNode builds = get(ServiceCluster.BUILD, "/builds?commit=" + again.path("commit").asText());
        assertThat(builds.findValuesAsText("status")).containsOnly("SUCCEEDED");
        assertThat(builds.findValues("cached").stream().filter(JsonNode::asBoolean).count())
                .as("builds of the commit: %s", builds).isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(3)
    void unknownConfigEndsWithTheSimulationsOwnMessage() throws Exception {
        Processes.Result run = simswarm(project, "run", "-c", "NoSuchConfig", "--build-command", "make",
                "--run-command", "./queueing");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stdout() + run.stderr()).contains("No such config: NoSuchConfig");
    }

    @Test
    @Order(4)
    void unknownCampaignIsOneLineAndNonZero() throws Exception {
        Processes.Result status = simswarm(project, "status", "00000000-0000-0000-0000-000000000000");

        assertThat(status.exitCode()).isNotZero();
        assertThat(status.stderr().lines().toList()).hasSize(1).first().asString().startsWith("simswarm: ")
                .contains("00000000-0000-0000-0000-000000000000");
    }

    @Test
    @Order(5)
    void outsideAGitRepositoryWithoutRepoIsAUsageError() throws Exception {
        Path elsewhere = Files.createDirectories(work.resolve("not-a-repo"));

        Processes.Result run = simswarm(elsewhere, "run", "-c", "MMc");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("is not inside a git repository").contains("--repo URL");
    }

    @Test
    @Order(6)
    void servicesThatAreNotRunningAreNamedWithTheirUrl() throws Exception {
        Map<String, String> environment = new HashMap<>(services.cliEnvironment());
        environment.put("SIMSWARM_SCHEDULER_URL", "http://127.0.0.1:9");

        Processes.Result run = Processes.run(project, environment, 60, cli("run", "-c", "MMc"));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stderr().strip()).startsWith("simswarm: cannot reach the scheduler service at "
                + "http://127.0.0.1:9").contains("deploy/quickstart.sh");
    }

    @Test
    @Order(7)
    void noSecretIsInAnyLogOfTheServices() throws Exception {
        List<Path> logs;
        try (Stream<Path> files = Files.walk(services.logs())) {
            logs = files.filter(Files::isRegularFile).toList();
        }
        assertThat(logs).isNotEmpty();
        for (Path log : logs) {
            String text = Files.readString(log, StandardCharsets.ISO_8859_1);
            for (String secret : services.secrets()) {
                assertThat(text).as("a secret in %s", log).doesNotContain(secret);
            }
        }
    }

    private static Processes.Result simswarm(Path directory, String... arguments)
            throws IOException, InterruptedException {
        return Processes.run(directory, services.cliEnvironment(), 900, cli(arguments));
    }


    /** The same runs, executed directly by the example program built on this machine. */
    private static List<ScaFile> directRuns() throws Exception {
        Path direct = work.resolve("direct");
        ExampleProject.copy(root, direct);
        Processes.check(direct, List.of("make", "-s"));
        for (int run = 0; run < MMC_RUNS; run++) {
            Processes.check(direct, List.of("./queueing", "-u", "Cmdenv", "-c", "MMc", "-r", String.valueOf(run),
                    "--result-dir", "results", SIM_TIME));
        }
        return ScaFile.readAll(direct.resolve("results"));
    }

    private static Map<String, Map<String, Double>> scalarsByRun(List<ScaFile> files) {
        Map<String, Map<String, Double>> byRun = new TreeMap<>();
        for (ScaFile file : files) {
            byRun.put(file.combination() + "#" + file.itervars().get("repetition"), file.scalars());
        }
        return byRun;
    }

    private static JsonNode aggregates(String campaignId) throws Exception {
        return get(ServiceCluster.RESULTS, "/campaigns/" + campaignId + "/scalars?aggregate=true");
    }

    /** Every aggregated row of the results service equals the mean, min and max computed from the direct runs. */
    private static void assertAggregatesMatch(List<ScaFile> direct, JsonNode aggregates) {
        Map<String, List<Double>> expected = new TreeMap<>();
        for (ScaFile file : direct) {
            file.scalars().forEach((scalar, value) -> expected
                    .computeIfAbsent(file.combination() + " " + scalar, k -> new ArrayList<>()).add(value));
        }
        assertThat(aggregates.size()).isEqualTo(expected.size());
        for (JsonNode row : aggregates) {
            String combination = fieldsAsText(row.path("itervars"));
            String key = combination + " " + row.path("module").asText() + " " + row.path("name").asText();
            List<Double> values = expected.get(key);
            assertThat(values).as("direct runs have %s", key).isNotNull();
            double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(row.path("count").asInt()).isEqualTo(values.size());
            assertThat(row.path("mean").asDouble()).as(key).isCloseTo(mean, within(1e-9 * Math.max(1, Math.abs(mean))));
            assertThat(row.path("min").asDouble()).isEqualTo(values.stream().min(Comparator.naturalOrder()).get());
            assertThat(row.path("max").asDouble()).isEqualTo(values.stream().max(Comparator.naturalOrder()).get());
        }
    }

    private static String fieldsAsText(JsonNode object) {
        Map<String, String> fields = new TreeMap<>();
        object.properties().forEach(e -> {
            if (!e.getKey().equals("repetition")) {
                fields.put(e.getKey(), e.getValue().asText());
            }
        });
        return fields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

}
