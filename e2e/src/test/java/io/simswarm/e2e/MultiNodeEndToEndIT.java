package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A campaign across a swarm of three Docker engines in network namespaces (deploy/nodes.sh), registered at the
 * provisioner as an existing swarm: the image is built on the manager and goes to the nodes through the registry,
 * runs land on every node; then one worker node is lost mid-campaign (its link goes down and its engine stops, as a
 * lost cloud machine would look). Its runs are taken up elsewhere without spending their retry budget, the swarm
 * reports the node down, the campaign succeeds with every run stored once, and each repeated run's attempts say why.
 */
class MultiNodeEndToEndIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String REGISTRY_PORT = "5050";
    private static final int RUNS = 24; // MMc: 4 server counts x 3 loads x 2 repetitions

    private static Path root;
    private static Path project;
    private static NamespaceSwarm swarm;
    private static TcpRelay registryRelay;
    private static ServiceCluster services;

    @BeforeAll
    static void formTheSwarmAndStartTheServices() throws Exception {
        root = Path.of(System.getProperty("simswarm.root", "..")).toRealPath();
        Path work = Files.createTempDirectory("simswarm-e2e-multinode");
        project = ExampleProject.repository(root, work.resolve("queueing"));
        swarm = new NamespaceSwarm(root, "e2m", "10.235.0", "10.235.0.1:" + REGISTRY_PORT).up(3);
        // the registry listens on this machine's loopback; the nodes reach it at the bridge's address
        registryRelay = new TcpRelay(swarm.bridgeAddress(), Integer.parseInt(REGISTRY_PORT),
                new InetSocketAddress("127.0.0.1", Integer.parseInt(REGISTRY_PORT)));
        swarm.load("n1", "simswarm/toolchain:bookworm"); // the base image builds start from, on the manager
        services = new ServiceCluster(root, swarm.bridgeAddress(), Map.of(
                "SIMSWARM_SCHEDULER_LEASE_HEARTBEAT_SECONDS", "3",
                "SIMSWARM_SCHEDULER_SWARM_TRACK_INTERVAL", "1s",
                "SIMSWARM_PROVISIONER_NODE_CHECK_INTERVAL", "2s")).start();
    }

    @AfterAll
    static void stopEverything() throws Exception {
        if (services != null) {
            services.close();
        }
        if (registryRelay != null) {
            registryRelay.close();
        }
        if (swarm != null) {
            swarm.close();
        }
    }

    @Test
    void aCampaignSpreadsOverThreeNodesAndSucceedsAfterLosingOne() throws Exception {
        Processes.Result created = Processes.run(project, services.cliEnvironment(), 120, List.of("java", "-jar",
                root.resolve("cli/target/simswarm.jar").toString(), "cluster", "create", "multi",
                "--provider", "existing", "--docker-host", swarm.socket("n1"),
                "--registry", swarm.bridgeAddress() + ":" + REGISTRY_PORT));
        assertThat(created.exitCode()).as("cluster create:%n%s%s", created.stdout(), created.stderr()).isZero();
        JsonNode cluster = Awaitility.await("cluster multi ready").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> get(ServiceCluster.PROVISIONER, "/clusters/multi"),
                        c -> c.path("state").asText().equals("READY"));
        assertThat(cluster.path("nodes")).hasSize(3);

        String id = submit();
        String lost = swarm.hostname("n3");
        Set<String> everyNode = Set.of(swarm.hostname("n1"), swarm.hostname("n2"), lost);
        // a run just started on n3 (runs take several seconds) is still running when the node goes
        Awaitility.await("runs done on all three nodes, one just started on " + lost)
                .atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> get(ServiceCluster.SCHEDULER, "/campaigns/" + id + "/runs"),
                        all -> !justStartedOn(all, lost).isEmpty() && succeededOn(all).containsAll(everyNode));

        swarm.lose("n3");

        JsonNode campaign = Awaitility.await("campaign " + id + " ended").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> get(ServiceCluster.SCHEDULER, "/campaigns/" + id), c -> !Drills.underWay(c));
        assertThat(campaign.path("status").asText()).as(campaign.toString()).isEqualTo("SUCCEEDED");
        assertThat(campaign.path("runs").path("succeeded").asInt()).isEqualTo(RUNS);
        assertThat(Drills.storedRuns(id)).as("runs whose results are stored").isEqualTo(RUNS);
        assertThat(Drills.storedTwice(id)).as("runs whose results were stored more than once").isZero();
        assertThat(succeededOn(get(ServiceCluster.SCHEDULER, "/campaigns/" + id + "/runs")))
                .as("the nodes the runs table names").isEqualTo(everyNode);

        int repeated = 0;
        for (int run = 0; run < RUNS; run++) {
            JsonNode attempts = get(ServiceCluster.SCHEDULER, "/campaigns/" + id + "/runs/" + run + "/attempts");
            JsonNode last = attempts.get(attempts.size() - 1);
            assertThat(last.path("outcome").asText()).as("run %d's last attempt", run).isEqualTo("SUCCEEDED");
            for (int i = 0; i < attempts.size() - 1; i++) {
                JsonNode lostAttempt = attempts.get(i);
                assertThat(lostAttempt.path("outcome").asText()).as("run %d's attempt %d", run, i + 1)
                        .isEqualTo("LOST");
                assertThat(lostAttempt.path("worker").asText()).startsWith(lost + "/");
                assertThat(lostAttempt.path("failureClass").asText()).isEqualTo("SYSTEM");
                assertThat(lostAttempt.path("failureMessage").asText()).as("why run %d was repeated", run)
                        .startsWith("Lost: its");
                assertThat(last.path("worker").asText()).doesNotStartWith(lost + "/");
            }
            repeated += attempts.size() > 1 ? 1 : 0;
        }
        assertThat(repeated).as("runs taken up elsewhere after the node was lost").isPositive();

        JsonNode after = Awaitility.await(lost + " reported down").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> get(ServiceCluster.PROVISIONER, "/clusters/multi"), c -> stateOf(c, lost).equals("down"));
        assertThat(stateOf(after, swarm.hostname("n2"))).isEqualTo("ready");
    }

    /** MMc's 24 runs of some seconds each, six at a time (a CPU each: two per node), no retries, on cluster multi. */
    private static String submit() throws Exception {
        String body = JSON.writeValueAsString(Map.of("repoUrl", project.toUri().toString(), "config", "MMc",
                "buildCommand", "make", "runCommand", "./queueing", "simArgs", "--sim-time-limit=20000s",
                "maxParallel", 6, "cpusPerRun", 1, "retries", 0, "cluster", "multi"));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create(ServiceCluster.SCHEDULER.url() + "/campaigns"))
                .header("Content-Type", "application/json").header("Authorization", TestKeys.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asText();
    }

    /** Runs running on {@code node} that started less than two seconds ago. */
    private static List<Integer> justStartedOn(JsonNode runs, String node) {
        Instant recently = Instant.now().minusSeconds(2);
        List<Integer> running = new ArrayList<>();
        for (JsonNode run : runs) {
            if (node.equals(run.path("node").asText()) && run.path("state").asText().equals("RUNNING")
                    && run.hasNonNull("startedAt") && Instant.parse(run.path("startedAt").asText()).isAfter(recently)) {
                running.add(run.path("runNumber").asInt());
            }
        }
        return running;
    }

    /** The nodes on which runs have succeeded. */
    private static Set<String> succeededOn(JsonNode runs) {
        Set<String> nodes = new HashSet<>();
        runs.forEach(run -> {
            if (run.path("state").asText().equals("SUCCEEDED")) {
                nodes.add(run.path("node").asText());
            }
        });
        return nodes;
    }

    private static String stateOf(JsonNode cluster, String hostname) {
        for (JsonNode node : cluster.path("nodes")) {
            if (hostname.equals(node.path("hostname").asText())) {
                return node.path("state").asText();
            }
        }
        return "absent";
    }

    private static JsonNode get(ServiceCluster.Service service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.url() + path))
                .header("Authorization", TestKeys.authorization()).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
