package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a simulation run can reach, asked from inside runs and a build of a real campaign: the run command is a
 * probe that looks at its own user, capabilities and limits and tries the system's ports before it runs the
 * simulation; the build command does the same before {@code make}.
 */
class RunIsolationEndToEndIT extends EndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Ports of the system on this machine: PostgreSQL, Kafka, moto, the registry, Docker's TCP ports, the services. */
    private static final List<Integer> CLOSED_PORTS = List.of(5432, 9092, 9093, 5000, 5050, 2375, 2376,
            ServiceCluster.PROVISIONER.port(), ServiceCluster.BUILD.port());

    @Test
    void aRunReachesItsLeaseAndUploadEndpointsAndNothingElseOfTheSystem() throws Exception {
        String host = ServiceCluster.hostForTasks();
        writeProbe(host);
        Processes.check(project, List.of("git", "add", "."));
        Processes.check(project, List.of("git", "-c", "user.name=e2e", "-c", "user.email=e2e@example.org",
                "commit", "-q", "-m", "probes"));

        Processes.Result run = Processes.run(project, services.cliEnvironment(), 900, cli("run", "-c", "MMc",
                "-r", "0..1", "--build-command", "./probe.sh build && make", "--run-command", "./probe.sh run",
                "--memory-per-run", "768m", "--", "--sim-time-limit=10s"));

        assertThat(run.exitCode()).as("simswarm run:%n%s%s", run.stdout(), run.stderr()).isZero();
        List<String> outputs;
        try (Stream<Path> files = Files.list(project.resolve("results"))) {
            outputs = files.filter(p -> p.toString().endsWith(".out")).map(RunIsolationEndToEndIT::read).toList();
        }
        assertThat(outputs).hasSize(2);
        for (String output : outputs) {
            assertThat(output).contains("probe uid=1000", "probe CapEff:\t0000000000000000", "probe NoNewPrivs:\t1",
                    "probe pids.max=1024", "probe memory.max=" + (768L << 20), "probe docker.sock=absent",
                    "probe lease-token=absent");
            for (int port : CLOSED_PORTS) {
                assertThat(output).contains("probe tcp " + host + ":" + port + "=closed")
                        .contains("probe tcp 127.0.0.1:" + port + "=closed");
            }
            // the scheduler and the results service are reachable for the lease and upload calls only
            assertThat(output).contains(
                    "probe GET " + host + ":" + ServiceCluster.SCHEDULER.port() + "/campaigns=403",
                    "probe GET " + host + ":" + ServiceCluster.SCHEDULER.port() + "/q/openapi=403",
                    "probe GET " + host + ":" + ServiceCluster.RESULTS.port() + "/campaigns/x/scalars=403");
        }

        String campaign = campaignId(run.stdout());
        JsonNode view = get(ServiceCluster.SCHEDULER.url() + "/campaigns/" + campaign);
        String buildLog = text(ServiceCluster.BUILD.url() + "/builds/" + view.path("buildId").asText() + "/log");
        assertThat(buildLog).contains("probe uid=1000", "probe tcp " + host + ":" + ServiceCluster.SCHEDULER.port()
                + "=closed", "probe tcp " + host + ":" + ServiceCluster.RESULTS.port() + "=closed");
    }

    private static void writeProbe(String host) throws Exception {
        StringBuilder ports = new StringBuilder();
        for (int port : CLOSED_PORTS) {
            ports.append(port).append(' ');
        }
        ports.append(ServiceCluster.SCHEDULER.port()).append(' ').append(ServiceCluster.RESULTS.port());
        // PROBE_ID makes this commit's files new to Docker, so the build command really runs here and its probe
        // lines reach the build log instead of a layer cached by an earlier run of this test on the same engine
        Files.writeString(project.resolve("probe.env"), "HOST=" + host + "\nPORTS='" + ports + "'\nSCHEDULER="
                + ServiceCluster.SCHEDULER.port() + "\nRESULTS=" + ServiceCluster.RESULTS.port() + "\nPROBE_ID="
                + UUID.randomUUID() + "\n");
        Path probe = project.resolve("probe.sh");
        Files.writeString(probe, """
                #!/bin/bash
                # Reports what this process can reach, then (for a run) runs the simulation with the given arguments.
                role=$1; shift
                case " $* " in *" -q "*) exec ./queueing "$@" ;; esac
                . ./probe.env
                say() { echo "probe $*"; }
                say "uid=$(id -u)"
                while read -r key value; do
                    case $key in CapEff:|NoNewPrivs:) printf 'probe %s\t%s\n' "$key" "$value" ;; esac
                done </proc/self/status
                say "pids.max=$(cat /sys/fs/cgroup/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids/pids.max)"
                say "memory.max=$(cat /sys/fs/cgroup/memory.max 2>/dev/null || cat /sys/fs/cgroup/memory/memory.limit_in_bytes)"
                [ -e /var/run/docker.sock ] && say docker.sock=present || say docker.sock=absent
                [ -n "$SIMSWARM_LEASE_TOKEN" ] && say lease-token=present || say lease-token=absent
                tcp() { timeout 3 bash -c 'exec 3<>/dev/tcp/$0/$1' "$1" "$2" 2>/dev/null && echo open || echo closed; }
                for port in $PORTS; do
                    for host in $HOST 127.0.0.1; do say "tcp $host:$port=$(tcp $host $port)"; done
                done
                get() {
                    local code
                    code=$(timeout 5 bash -c 'exec 3<>/dev/tcp/$0/$1 || exit 1
                        printf "GET %s HTTP/1.0\r\nHost: probe\r\n\r\n" "$2" >&3
                        read -r _ code _ <&3; echo "$code"' "$1" "$2" "$3" 2>/dev/null) || code=closed
                    say "GET $1:$2$3=${code:-closed}"
                }
                if [ "$role" = run ]; then
                    get $HOST $SCHEDULER /campaigns; get $HOST $SCHEDULER /q/openapi; get $HOST $RESULTS /campaigns/x/scalars
                    exec ./queueing "$@"
                fi
                """);
        Files.setPosixFilePermissions(probe, PosixFilePermissions.fromString("rwxr-xr-x"));
    }


    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static JsonNode get(String url) throws Exception {
        return JSON.readTree(text(url));
    }

    private static String text(String url) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", TestKeys.authorization()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("GET %s: %s", url, answer.body()).isEqualTo(200);
        return answer.body();
    }
}
