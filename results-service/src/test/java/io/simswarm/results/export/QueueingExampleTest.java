package io.simswarm.results.export;

import static io.restassured.RestAssured.given;
import static io.simswarm.results.TestRuns.newCampaign;
import static io.simswarm.results.TestRuns.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.simswarm.results.Archives;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files written by {@code examples/queueing} (OMNeT++ 6 format): built and run here like the runner does (one
 * result directory per run, stdout and stderr in a .out file named after the .sca), uploaded, then queried.
 */
@QuarkusTest
class QueueingExampleTest {

    private static final Path EXAMPLE = Path.of("../examples/queueing").toAbsolutePath().normalize();
    private static final String CAMPAIGN = newCampaign();
    private static final Map<Integer, Path> RUN_DIRS = new HashMap<>();
    private static Path work;
    private static final JsonPathConfig DOUBLES = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);

    @BeforeEach
    void runAndUploadOnce() throws Exception {
        if (!RUN_DIRS.isEmpty()) {
            return;
        }
        exec(EXAMPLE.toFile(), "make", "-s");
        work = Files.createTempDirectory("queueing-runs");
        for (int run = 0; run < 4; run++) {
            Path dir = Files.createDirectories(work.resolve("run-" + run));
            Path out = work.resolve("out-" + run);
            ProcessBuilder pb = new ProcessBuilder("./queueing", "-u", "Cmdenv", "-c", "MMc", "-r",
                    Integer.toString(run), "--result-dir", dir.toString()).directory(EXAMPLE.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            assertThat(pb.start().waitFor()).isZero();
            String stem = stem(dir);
            Files.move(out, dir.resolve(stem + ".out"));
            RUN_DIRS.put(run, dir);
            upload(CAMPAIGN, run, Archives.of(dir).tarGz()).statusCode(201).body("parseErrors", empty())
                    .body("files", hasSize(4));
        }
    }

    @AfterAll
    static void removeRuns() throws Exception {
        if (work != null) {
            try (Stream<Path> paths = Files.walk(work)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static String stem(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            String sca = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sca")).findFirst()
                    .orElseThrow();
            return sca.substring(0, sca.length() - 4);
        }
    }

    private static void exec(File dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir).inheritIO().start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }

    /** The value of a scalar as written in a run's .sca file. */
    private static double scalarInFile(int run, String module, String name) throws Exception {
        Path sca = RUN_DIRS.get(run).resolve(stem(RUN_DIRS.get(run)) + ".sca");
        String prefix = "scalar " + module + " " + name + " ";
        return Files.readAllLines(sca).stream().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()).trim())).findFirst().orElseThrow();
    }

    @Test
    void aggregatesTheRepetitionsOfEachParameterCombination() throws Exception {
        JsonPath rows = JsonPath.from(given()
                .get("/campaigns/{c}/scalars?aggregate=true&module=**.queue&name=queueingTime:mean", CAMPAIGN)
                .then().statusCode(200).body("", hasSize(2)).extract().asString()).using(DOUBLES);
        assertThat(rows.getList("itervars.n", String.class)).containsExactly("1", "1");
        assertThat(rows.getList("itervars.rho", String.class)).containsExactly("0.5", "0.7");
        assertThat(rows.getList("count", Integer.class)).containsExactly(2, 2);
        double a = scalarInFile(2, "Queueing.queue", "queueingTime:mean");
        double b = scalarInFile(3, "Queueing.queue", "queueingTime:mean");
        double mean = (a + b) / 2;
        double stddev = Math.abs(a - b) / Math.sqrt(2);
        assertThat(rows.getDouble("[1].mean")).isCloseTo(mean, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(rows.getDouble("[1].stddev")).isCloseTo(stddev, org.assertj.core.data.Offset.offset(1e-15));
        // t(0.975, 1) = tan(0.475 pi)
        assertThat(rows.getDouble("[1].ci95HalfWidth"))
                .isCloseTo(Math.tan(0.475 * Math.PI) * stddev / Math.sqrt(2), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void listsScalarsStatisticsAndVectorsOfTheRuns() throws Exception {
        JsonPath scalars = JsonPath.from(given().get("/campaigns/{c}/scalars?name=throughput", CAMPAIGN).then()
                .statusCode(200).body("", hasSize(4)).extract().asString()).using(DOUBLES);
        assertThat(scalars.getList("repetition", Integer.class)).containsExactly(0, 1, 0, 1);
        assertThat(scalars.getDouble("[3].value")).isEqualTo(scalarInFile(3, "Queueing.sink", "throughput"));
        given().get("/campaigns/{c}/statistics?name=queueingTime:histogram&run=0", CAMPAIGN).then().statusCode(200)
                .body("", hasSize(1)).body("[0].binLowerBounds[0]", equalTo("-Infinity"));
        given().get("/campaigns/{c}/scalars?name=theoreticalQueueingTime&run=1", CAMPAIGN).then().statusCode(200)
                .body("[0].value", equalTo(0.001f));
        int vectors = given().get("/campaigns/{c}/vectors?run=1", CAMPAIGN).then().statusCode(200)
                .extract().jsonPath().getList("").size();
        assertThat(vectors).isEqualTo(4);
        String key = given().get("/campaigns/{c}/vectors?run=1&name=queueLength:vector", CAMPAIGN).then()
                .statusCode(200).body("", hasSize(1)).body("[0].count", equalTo(25000))
                .extract().jsonPath().getString("[0].key");
        String csv = given().accept("text/csv").get("/campaigns/{c}/vectors/{k}/data", CAMPAIGN, key).then()
                .statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines).hasSize(25001);
        assertThat(lines[0]).isEqualTo("event,time,value");
    }

    @Test
    void zipsTheCampaignLikeALocalResultsFolderWithTheLogs() throws Exception {
        byte[] zip = given().get("/campaigns/{c}/results.zip", CAMPAIGN).then().statusCode(200)
                .contentType("application/zip")
                .header("Content-Disposition", containsString(CAMPAIGN + "-results.zip"))
                .extract().asByteArray();
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        List<String> expected = new ArrayList<>();
        for (Path dir : RUN_DIRS.values()) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    expected.add("results/" + f.getFileName());
                    assertThat(entries.get("results/" + f.getFileName())).isEqualTo(Files.readAllBytes(f));
                }
            }
        }
        expected.add("provenance.json");
        assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(expected).hasSize(17)
                .contains("results/MMc-n=1,rho=0.7-#1.out");
    }

    @Test
    void servesEachRunsOutput() throws Exception {
        String log = given().get("/campaigns/{c}/runs/2/log", CAMPAIGN).then().statusCode(200).extract().asString();
        assertThat(log).contains("Preparing for running configuration MMc, run #2...").contains("End.");
        assertThat(log.getBytes(StandardCharsets.UTF_8))
                .isEqualTo(Files.readAllBytes(RUN_DIRS.get(2).resolve("MMc-n=1,rho=0.7-#0.out")));
    }

    @Test
    void zipPutsFilesThatSeveralRunsUploadedUnderTheirRunFolders() throws Exception {
        String campaign = newCampaign();
        for (int run = 0; run < 2; run++) {
            upload(campaign, run, new Archives().file("omnetpp.sca", "version 3\nrun r" + run + "\n")
                    .file("General-run-" + run + ".out", "log " + run).tarGz()).statusCode(201);
        }
        byte[] zip = given().get("/campaigns/{c}/results.zip", campaign).then().statusCode(200).extract()
                .asByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        }
        assertThat(names).containsExactly("results/General-run-0.out", "results/run-0/omnetpp.sca",
                "results/General-run-1.out", "results/run-1/omnetpp.sca", "provenance.json");
    }
}
