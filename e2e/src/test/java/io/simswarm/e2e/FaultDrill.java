package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The fault drill (bench/fault-drill/run.sh): the same campaign (six runs of MM1 at some 4-8 s each, two at a time)
 * once undisturbed and once per fault, each part of the system killed in turn while the campaign runs: the
 * scheduler, the results service, the provisioner (SIGKILL, started again after a pause), the build service (while
 * it builds the campaign's image), the Kafka broker (60 s) and a worker container. Prints per scenario the outcome,
 * the runs run again and why, the runs whose results were stored twice, the runs lost, and the wall time against the
 * undisturbed campaign of the same run. Not a test of CI: its name does not end in IT.
 */
class FaultDrill extends EndToEndTest {

    /** What a scenario does to the system once the campaign is under way. */
    private interface Fault {
        void inflict(String campaignId) throws Exception;
    }

    private record Outcome(String scenario, String status, int runs, int rerun, String why, long storedTwice,
            int lost, double seconds) {
    }

    @Test
    void drill() throws Exception {
        Map<String, Fault> scenarios = new LinkedHashMap<>();
        scenarios.put("undisturbed", id -> { });
        scenarios.put("scheduler killed, back after 10 s", id -> killFor(ServiceCluster.SCHEDULER, 10));
        scenarios.put("results service killed, back after 30 s", id -> killFor(ServiceCluster.RESULTS, 30));
        scenarios.put("provisioner killed, back after 10 s", id -> killFor(ServiceCluster.PROVISIONER, 10));
        scenarios.put("Kafka broker down for 60 s", id -> {
            Drills.infra(root, "down", "kafka");
            try {
                Thread.sleep(Duration.ofSeconds(60).toMillis()); // the outage lasts 60 s
            } finally {
                Drills.infra(root, "up", "kafka");
            }
        });
        scenarios.put("a worker container killed", FaultDrill::killAWorker);
        List<Outcome> outcomes = new ArrayList<>();
        for (var scenario : scenarios.entrySet()) {
            outcomes.add(run(scenario.getKey(), scenario.getValue(), true));
        }
        outcomes.add(run("build service killed while building, back after 10 s",
                id -> killFor(ServiceCluster.BUILD, 10), false));
        String report = report(outcomes);
        System.out.println(report);
        Files.writeString(root.resolve("e2e/target/fault-drill.txt"), report);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.lost()).as(o.scenario()).isZero());
    }

    /**
     * Runs the campaign and inflicts {@code fault}: once a run has succeeded ({@code whileRunning}) or while the
     * campaign's image is being built (a fresh commit, so the build is not cached).
     */
    private Outcome run(String scenario, Fault fault, boolean whileRunning) throws Exception {
        if (!whileRunning) {
            Files.writeString(project.resolve("drill.txt"), scenario + System.nanoTime());
            Processes.check(project, List.of("git", "add", "drill.txt"));
            Processes.check(project, List.of("git", "-c", "user.name=drill", "-c", "user.email=drill@example.org",
                    "commit", "-q", "-m", "a fresh commit: " + scenario));
        }
        long started = System.nanoTime();
        String id = Drills.submitLongRuns(project);
        Awaitility.await(scenario + ": the moment to strike").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> Drills.scheduler("/campaigns/" + id), c -> whileRunning
                        ? c.path("runs").path("succeeded").asInt() >= 1
                        : c.path("status").asText().equals("BUILDING") && Drills.building(id));
        fault.inflict(id);
        JsonNode campaign = Awaitility.await(scenario + ": the end").atMost(Duration.ofMinutes(15))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> Drills.scheduler("/campaigns/" + id), c -> !Drills.underWay(c));
        double seconds = (System.nanoTime() - started) / 1e9;
        int rerun = 0;
        int lost = 0;
        Map<String, Integer> why = new TreeMap<>();
        for (JsonNode run : Drills.scheduler("/campaigns/" + id + "/runs")) {
            if (!run.path("state").asText().equals("SUCCEEDED")) {
                lost++;
            }
            if (run.path("attempts").asInt() > 1) {
                rerun++;
                for (JsonNode attempt : Drills.scheduler("/campaigns/" + id + "/runs/" + run.path("runNumber")
                        .asInt() + "/attempts")) {
                    if (!attempt.path("outcome").asText().equals("SUCCEEDED")) {
                        why.merge(attempt.path("outcome").asText() + (attempt.path("upload").asText()
                                .equals("failed") ? " (upload failed)" : ""), 1, Integer::sum);
                    }
                }
            }
        }
        return new Outcome(scenario, campaign.path("status").asText(), campaign.path("runs").path("total").asInt(),
                rerun, why.isEmpty() ? "-" : why.toString(), Drills.storedTwice(id), lost, seconds);
    }

    private static String report(List<Outcome> outcomes) {
        double undisturbed = outcomes.get(0).seconds();
        StringBuilder text = new StringBuilder(String.format("%-54s %-10s %5s %6s %-22s %12s %5s %8s %6s%n",
                "scenario", "outcome", "runs", "re-run", "why", "stored twice", "lost", "wall s", "ratio"));
        for (Outcome o : outcomes) {
            text.append(String.format("%-54s %-10s %5d %6d %-22s %12d %5d %8.1f %6.2f%n", o.scenario(), o.status(),
                    o.runs(), o.rerun(), o.why(), o.storedTwice(), o.lost(), o.seconds(), o.seconds() / undisturbed));
        }
        return text.toString();
    }

    private static void killFor(ServiceCluster.Service service, int seconds) throws Exception {
        services.kill(service);
        Thread.sleep(Duration.ofSeconds(seconds).toMillis()); // the outage lasts that long
        services.restart(service);
    }

    private static void killAWorker(String campaignId) throws Exception {
        String container = Processes.check(root, List.of("docker", "ps", "-q", "--filter",
                "label=io.simswarm.campaign=" + campaignId, "--filter", "label=io.simswarm.role=workers"))
                .lines().findFirst().orElseThrow(() -> new AssertionError("no running worker of " + campaignId));
        Processes.check(root, List.of("docker", "kill", container));
    }
}
