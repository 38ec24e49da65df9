package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A scheduler restart under a following {@code simswarm run}: the scheduler process is killed with SIGKILL while the
 * campaign's runs are under way and started again a few seconds later. The command line shows that it is
 * reconnecting, follows the campaign to its end, downloads the results and prints its summary; {@code simswarm
 * watch} afterwards prints the same report.
 */
class SchedulerRestartEndToEndIT extends EndToEndTest {

    /** Six runs of MM1 at about 4-8 s each, two at a time: some 20 s of runs. */
    private static final String LONG_RUNS = "--sim-time-limit=30000s";
    private static final String SUMMARY = "*:mean";
    private static final Pattern RECONNECTING =
            Pattern.compile("reconnecting to the scheduler service\\.\\.\\. \\((\\d+) s\\)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void runRidesOutASchedulerKilledMidCampaignAndWatchReportsTheSameAfterwards() throws Exception {
        Processes.Running run = Processes.start(project, services.cliEnvironment(), cli("run", "-c", "MM1", "-j", "2",
                "--build-command", "make", "--run-command", "./queueing", "--summary", SUMMARY, "--", LONG_RUNS));
        String id = Awaitility.await("the campaign id in the output of simswarm run").atMost(Duration.ofMinutes(1))
                .until(() -> campaignIdSoFar(run.stdout()), found -> found != null);
        Awaitility.await("campaign " + id + " running with runs left").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> campaign(id), c -> c.path("status").asText().equals("RUNNING")
                        && c.path("runs").path("succeeded").asInt() >= 1);
        JsonNode before = campaign(id);
        assertThat(before.path("runs").path("succeeded").asInt()).as("runs left to do when the scheduler is killed")
                .isLessThan(before.path("runs").path("total").asInt());

        services.kill(ServiceCluster.SCHEDULER);
        Awaitility.await("simswarm run reconnecting for a few seconds").atMost(Duration.ofMinutes(1))
                .until(() -> longestReconnect(run.stdout()) >= 3);
        services.restart(ServiceCluster.SCHEDULER);
        Processes.Result ran = run.await(900);

        assertThat(ran.exitCode()).as("simswarm run:%n%s%s", ran.stdout(), ran.stderr()).isZero();
        assertThat(ran.stdout()).contains("reconnecting to the scheduler service... (")
                .contains("campaign " + id + " SUCCEEDED: 6 of 6 runs succeeded, 0 failed")
                .contains("scalars '" + SUMMARY + "', aggregated over repetitions:");
        assertThat(outcomeAndSummary(ran.stdout())).as(ran.stdout())
                .anyMatch(line -> line.startsWith("MM1 ") && line.contains("queueingTime:mean"));
        assertThat(scaFiles(project.resolve("results"))).hasSize(6);

        Processes.Result watch = Processes.run(project, services.cliEnvironment(), 300,
                cli("watch", id, "-o", "results-again", "--summary", SUMMARY));

        assertThat(watch.exitCode()).as("simswarm watch:%n%s%s", watch.stdout(), watch.stderr()).isZero();
        assertThat(outcomeAndSummary(watch.stdout())).as(watch.stdout()).isEqualTo(outcomeAndSummary(ran.stdout()));
        assertThat(scaFiles(project.resolve("results-again"))).isEqualTo(scaFiles(project.resolve("results")));
    }

    private static String campaignIdSoFar(String output) {
        return output.lines().filter(line -> line.startsWith("campaign ") && line.contains(": config "))
                .map(line -> line.substring("campaign ".length(), line.indexOf(':'))).findFirst().orElse(null);
    }

    private static long longestReconnect(String output) {
        Matcher matcher = RECONNECTING.matcher(output);
        long longest = -1;
        while (matcher.find()) {
            longest = Math.max(longest, Long.parseLong(matcher.group(1)));
        }
        return longest;
    }

    /** The outcome line and the summary table, everything printed from the campaign's end on but the download. */
    private static List<String> outcomeAndSummary(String output) {
        List<String> lines = output.lines().toList();
        int end = 0;
        while (end < lines.size() && !lines.get(end).matches("campaign \\S+ [A-Z]+: .*")) {
            end++;
        }
        return lines.subList(end, lines.size()).stream().filter(line -> !line.endsWith(" result files in results")
                && !line.endsWith(" result files in results-again") && !line.startsWith("reconnecting")).toList();
    }

    private static List<String> scaFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".sca")).sorted()
                    .toList();
        }
    }

    private static JsonNode campaign(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(ServiceCluster.SCHEDULER.url() + "/campaigns/" + id))
                        .header("Authorization", TestKeys.authorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /campaigns/%s: %s", id, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
