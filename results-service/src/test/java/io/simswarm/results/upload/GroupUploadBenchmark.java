package io.simswarm.results.upload;

import static io.simswarm.results.TestRuns.newCampaign;
import static io.simswarm.results.TestRuns.token;
import static io.simswarm.results.TestRuns.tokenList;

import com.sun.management.OperatingSystemMXBean;
import io.quarkus.logging.Log;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.simswarm.results.Archives;
import io.simswarm.results.TestRuns;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Not part of the test suite (the name does not end in Test): the cost per run of 200 trivial runs (the OMNeT++ v2
 * TokenRing .sca/.vec pair and a log) uploaded one by one and in groups of 16, one client uploading after the other
 * as a runner does. Prints wall time, CPU of this JVM (the service and the small HTTP client) and CPU of the
 * PostgreSQL backends of the service's connections, per run. Run it alone:
 * {@code mvn -B -ntp -o -pl results-service test -Dtest=GroupUploadBenchmark}.
 */
@QuarkusTest
@TestProfile(GroupUploadBenchmark.Profile.class)
class GroupUploadBenchmark {

    private static final String APPLICATION_NAME = "results-upload-benchmark";
    private static final int RUNS = 200;
    private static final int GROUP = 16;
    private static final int ROUNDS = 3;
    /** /proc counts CPU time in clock ticks of 1/100 s on Linux. */
    private static final long CLOCK_TICK_NANOS = 10_000_000L;

    /** Names the service's database connections, so that their backends can be found. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.additional-jdbc-properties.ApplicationName", APPLICATION_NAME);
        }
    }

    @TestHTTPResource("/")
    URI base;

    @Inject
    DataSource dataSource;

    private final HttpClient http = HttpClient.newHttpClient();
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** What one round cost, per run. */
    private record Cost(double wallMs, double jvmCpuMs, double databaseCpuMs) {
    }

    @Test
    void oneByOneVersusGroupsOf16() throws Exception {
        round(1);
        round(GROUP);
        Map<Integer, List<Cost>> costs = new HashMap<>();
        for (int i = 0; i < ROUNDS; i++) {
            for (int groupSize : new int[] {1, GROUP}) {
                costs.computeIfAbsent(groupSize, g -> new ArrayList<>()).add(round(groupSize));
            }
        }
        Log.infof("%d trivial runs (TokenRing-2.sca %d B, TokenRing-2.vec %d B, a log), %d rounds each, per run:",
                RUNS, Files.size(TestRuns.V2.resolve("TokenRing-2.sca")),
                Files.size(TestRuns.V2.resolve("TokenRing-2.vec")), ROUNDS);
        for (int groupSize : new int[] {1, GROUP}) {
            for (Cost cost : costs.get(groupSize)) {
                Log.infof("  %-14s wall %6.2f ms   JVM CPU %6.2f ms   PostgreSQL CPU %6.2f ms",
                        groupSize == 1 ? "one by one" : "groups of " + groupSize, cost.wallMs(), cost.jvmCpuMs(),
                        cost.databaseCpuMs());
            }
        }
    }

    /** Uploads {@link #RUNS} runs of a new campaign in groups of {@code groupSize} (1: the single upload). */
    private Cost round(int groupSize) throws Exception {
        String campaign = newCampaign();
        List<byte[]> bodies = new ArrayList<>();
        List<String> authorizations = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        for (int first = 0; first < RUNS; first += groupSize) {
            int[] runs = IntStream.range(first, Math.min(RUNS, first + groupSize)).toArray();
            if (groupSize == 1) {
                bodies.add(run(runs[0]).tarGz());
                authorizations.add("Bearer " + token(campaign, runs[0]));
                paths.add("campaigns/" + campaign + "/runs/" + runs[0] + "/results");
            } else {
                Archives archive = new Archives();
                for (int run : runs) {
                    archive.folder(Integer.toString(run), run(run));
                }
                bodies.add(archive.tarGz());
                authorizations.add("Bearer " + tokenList(campaign, runs));
                paths.add("campaigns/" + campaign + "/results");
            }
        }
        Map<Integer, Long> databaseBefore = databaseCpu();
        long cpuBefore = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < bodies.size(); i++) {
            post(paths.get(i), authorizations.get(i), bodies.get(i));
        }
        long wall = System.nanoTime() - start;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long database = 0;
        for (Map.Entry<Integer, Long> backend : databaseCpu().entrySet()) {
            database += backend.getValue() - databaseBefore.getOrDefault(backend.getKey(), 0L);
        }
        return new Cost(wall / 1e6 / RUNS, cpu / 1e6 / RUNS, database / 1e6 / RUNS);
    }

    private static Archives run(int run) {
        Archives archive = new Archives();
        for (String name : List.of("TokenRing-2.sca", "TokenRing-2.vec")) {
            archive.file(name, Archives.read(TestRuns.V2.resolve(name)));
        }
        return archive.file("TokenRing-2.out", "run " + run + "\nEnd.\n");
    }

    private void post(String path, String authorization, byte[] body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization)
                .header("Content-Type", "application/gzip").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** CPU time so far (ns) of each PostgreSQL backend serving the service's connections, by process id. */
    private Map<Integer, Long> databaseCpu() throws SQLException, IOException {
        Map<Integer, Long> cpu = new HashMap<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select pid from pg_stat_activity where application_name = ?")) {
            s.setString(1, APPLICATION_NAME);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Path stat = Path.of("/proc", Integer.toString(rs.getInt(1)), "stat");
                    if (Files.isReadable(stat)) {
                        String line = Files.readString(stat);
                        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                        cpu.put(rs.getInt(1), ticks * CLOCK_TICK_NANOS);
                    }
                }
            }
        }
        return cpu;
    }
}
