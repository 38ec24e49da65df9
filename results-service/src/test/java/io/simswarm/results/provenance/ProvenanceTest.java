package io.simswarm.results.provenance;

import static io.restassured.RestAssured.given;
import static io.simswarm.results.TestRuns.newCampaign;
import static io.simswarm.results.TestRuns.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.results.Archives;
import io.simswarm.results.KafkaTopic;
import io.simswarm.results.TestRuns;
import io.simswarm.results.campaign.Repositories;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A run's provenance: the build facts from build-requests and build-results, the runner's simswarm-run.json, and
 * the seed set of the result files; served per run and per campaign and written into results.zip.
 */
@QuarkusTest
class ProvenanceTest {

    private static final String IMAGE_DIGEST = "sha256:" + "6c".repeat(32);
    private static final String BASE_IMAGE_DIGEST = "sha256:" + "9b".repeat(32);
    private static final String VERSION = "OMNeT++ 6.1, build: 241008-f7568267cd";

    private static final String COMMAND = "opp_run -l aloha -u Cmdenv -c 'PureAlohaExperiment' -r 3 "
            + "--result-dir '/tmp/simswarm-run-3-x/results' --sim-time-limit=10min";

    private static String runnerFile(int attempt) {
        return "{\"run\":3,\"command\":\"" + COMMAND.replace("\\", "\\\\").replace("\"", "\\\"") + "\","
                + "\"worker\":\"node-a/2\",\"host\":\"node-a\",\"startedAt\":\"2026-12-07T06:00:00Z\","
                + "\"finishedAt\":\"2026-12-07T06:00:42Z\",\"durationMs\":41800,\"exitCode\":0,\"attempt\":" + attempt
                + ",\"runner\":\"1.4.0\"}\n";
    }

    @Test
    void buildFactsRunnerFactsAndSeedSetAreServedAndWrittenIntoTheZip() throws IOException {
        String campaign = newCampaign();
        KafkaTopic.publish("build-requests", campaign, "{\"version\":1,\"eventId\":\"" + UUID.randomUUID()
                + "\",\"campaignId\":\"" + campaign + "\",\"repoUrl\":\"https://bob:s3cret@git.example.org/sims/aloha.git\","
                + "\"ref\":\"main\",\"workdir\":\"samples/aloha\",\"baseImage\":\"simswarm/omnetpp:6.1\","
                + "\"buildCommand\":\"make MODE=release\",\"requestedAt\":\"2026-12-07T05:50:00Z\",\"cluster\":\"local\"}");
        KafkaTopic.publish("build-results", campaign, "{\"version\":1,\"eventId\":\"" + UUID.randomUUID()
                + "\",\"campaignId\":\"" + campaign + "\",\"buildId\":\"b-17\",\"succeeded\":true,"
                + "\"commit\":\"4f1c2e9a0b\",\"image\":\"127.0.0.1:5050/simswarm/aloha:4f1c2e9a0b\","
                + "\"imageDigest\":\"" + IMAGE_DIGEST + "\",\"baseImageDigest\":\"" + BASE_IMAGE_DIGEST + "\","
                + "\"workdir\":\"/work/samples/aloha\",\"cached\":false,\"finishedAt\":\"2026-12-07T05:55:00Z\"}");
        KafkaTopic.publish("campaign-events", campaign, "{\"version\":1,\"eventId\":\"" + UUID.randomUUID()
                + "\",\"campaignId\":\"" + campaign + "\",\"cluster\":\"local\",\"type\":\"STARTED\","
                + "\"status\":\"RUNNING\",\"totalRuns\":8,\"simulatorVersion\":\"" + VERSION + "\","
                + "\"at\":\"2026-12-07T05:56:00Z\"}");
        upload(campaign, 3, TestRuns.omnetpp61().file("simswarm-run.json", runnerFile(2)).tarGz()).statusCode(201);

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().get("/campaigns/{c}/provenance", campaign).then().statusCode(200)
                        .body("build.simulatorVersion", equalTo(VERSION))
                        .body("build.commit", equalTo("4f1c2e9a0b"))
                        .body("build.repoUrl", equalTo("https://git.example.org/sims/aloha.git")));
        given().get("/campaigns/{c}/provenance", campaign).then().statusCode(200)
                .body("build.ref", equalTo("main"))
                .body("build.baseImage", equalTo("simswarm/omnetpp:6.1"))
                .body("build.buildCommand", equalTo("make MODE=release"))
                .body("build.workdir", equalTo("samples/aloha"))
                .body("build.image", equalTo("127.0.0.1:5050/simswarm/aloha:4f1c2e9a0b"))
                .body("build.buildReused", equalTo(false))
                .body("build.imageDigest", equalTo(IMAGE_DIGEST))
                .body("build.baseImageDigest", equalTo(BASE_IMAGE_DIGEST))
                .body("runs[0].run", equalTo(3))
                .body("runs[0].command", equalTo(COMMAND));
        given().get("/campaigns/{c}/runs/3/provenance", campaign).then().statusCode(200)
                .body("runId", equalTo("PureAlohaExperiment-3-20261125-09:37:03-8"))
                .body("config", equalTo("PureAlohaExperiment"))
                .body("repetition", equalTo(1))
                .body("itervars.numHosts", equalTo("10"))
                .body("seedset", equalTo("3"))
                .body("command", equalTo(COMMAND))
                .body("worker", equalTo("node-a/2"))
                .body("attempt", equalTo(2))
                .body("exitCode", equalTo(0))
                .body("durationMs", equalTo(41800))
                .body("startedAt", equalTo("2026-12-07T06:00:00Z"))
                .body("finishedAt", equalTo("2026-12-07T06:00:42Z"));
        given().get("/campaigns/{c}/runs/4/provenance", campaign).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("Run 4"));

        Map<String, byte[]> zip = unzip(given().get("/campaigns/{c}/results.zip", campaign).then().statusCode(200)
                .extract().asByteArray());
        assertThat(zip).containsKey("provenance.json").containsKey("results/" + TestRuns.SCA)
                .doesNotContainKeys("results/simswarm-run.json");
        JsonNode manifest = new ObjectMapper().readTree(zip.get("provenance.json"));
        assertThat(manifest.get("campaignId").asText()).isEqualTo(campaign);
        assertThat(manifest.at("/build/commit").asText()).isEqualTo("4f1c2e9a0b");
        assertThat(manifest.at("/build/imageDigest").asText()).isEqualTo(IMAGE_DIGEST);
        assertThat(manifest.at("/build/baseImageDigest").asText()).isEqualTo(BASE_IMAGE_DIGEST);
        assertThat(manifest.at("/build/simulatorVersion").asText()).isEqualTo(VERSION);
        assertThat(manifest.at("/runs/0/command").asText()).isEqualTo(COMMAND);
        assertThat(manifest.at("/runs/0/seedset").asText()).isEqualTo("3");
    }

    @Test
    void aRunUploadedWithoutRunnerFactsHasOnlyWhatItsFilesSay() {
        String campaign = newCampaign();
        upload(campaign, 3, TestRuns.omnetpp61().tarGz()).statusCode(201);
        given().get("/campaigns/{c}/runs/3/provenance", campaign).then().statusCode(200)
                .body("seedset", equalTo("3")).body("command", nullValue()).body("exitCode", nullValue());
        given().get("/campaigns/{c}/provenance", campaign).then().statusCode(200)
                .body("build.commit", nullValue()).body("runs[0].run", equalTo(3));
    }

    @Test
    void repositoryUrlsLoseTheirCredentials() {
        assertThat(Repositories.withoutCredentials("https://bob:tok@github.com/a/b.git"))
                .isEqualTo("https://github.com/a/b.git");
        assertThat(Repositories.withoutCredentials("https://x-access-token:ghp_1@github.com"))
                .isEqualTo("https://github.com");
        assertThat(Repositories.withoutCredentials("ssh://git@host:22/a.git")).isEqualTo("ssh://host:22/a.git");
        assertThat(Repositories.withoutCredentials("git@github.com:a/b.git")).isEqualTo("git@github.com:a/b.git");
        assertThat(Repositories.withoutCredentials("file:///srv/repo")).isEqualTo("file:///srv/repo");
        assertThat(Repositories.withoutCredentials("https://host/a@b")).isEqualTo("https://host/a@b");
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
