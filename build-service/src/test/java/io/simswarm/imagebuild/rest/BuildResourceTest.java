package io.simswarm.imagebuild.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.imagebuild.docker.DockerEngines;
import io.simswarm.imagebuild.docker.Dockerfile;
import io.simswarm.imagebuild.docker.ImageLabels;
import io.simswarm.imagebuild.support.Builds;
import io.simswarm.imagebuild.support.Images;
import io.simswarm.imagebuild.support.TestRepo;
import io.simswarm.imagebuild.support.UploadServer;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** examples/queueing from a git repository made here, built over REST, then served from the cache. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildResourceTest {

    private static final String DOCKER = "unix:///var/run/docker.sock";

    @Inject
    DockerEngines engines;

    private TestRepo repo;
    private Images images;
    private String coldId;
    private JsonPath cold;

    @BeforeAll
    void createTheRepository() {
        images = new Images(engines.client(DOCKER));
        repo = TestRepo.queueingExample();
    }

    /** The first test to run builds the example (REST Assured knows the port only once a test runs). */
    @BeforeEach
    void buildTheExampleOnce() {
        if (cold == null) {
            coldId = Builds.submit(Map.of("repoUrl", repo.url(), "buildCommand", "make -j2"));
            cold = Builds.awaitFinished(coldId);
        }
    }

    @AfterAll
    void removeWhatTheTestMade() {
        images.removeBuiltFrom(repo.url());
        repo.close();
    }

    @Test
    void buildsTheExampleIntoAnImageThatRunsIt() throws InterruptedException {
        assertThat(cold.getString("status")).as(cold.getString("error")).isEqualTo("SUCCEEDED");
        assertThat(cold.getString("commit")).isEqualTo(repo.head());
        assertThat(cold.getString("image")).matches("simswarm/build:[0-9a-f]{16}");
        assertThat(cold.getString("imageWorkdir")).isEqualTo("/opt/simswarm/project");
        assertThat(cold.getString("ref")).isNull();
        assertThat(cold.getBoolean("cached")).isFalse();
        assertThat(cold.getString("finishedAt")).isNotNull();
        assertThat(cold.getString("imageDigest")).as("not pushed: the engine's image id")
                .isEqualTo(images.id(cold.getString("image")));
        assertThat(cold.getString("baseImageDigest")).isEqualTo(images.id("simswarm/toolchain:bookworm"));

        String image = cold.getString("image");
        assertThat(images.labels(image)).containsEntry(ImageLabels.REPO, repo.url())
                .containsEntry(ImageLabels.COMMIT, repo.head())
                .containsEntry(ImageLabels.REF, "")
                .containsEntry(ImageLabels.BUILD_ID, coldId)
                .containsKey(ImageLabels.SPEC_HASH);
        assertThat(images.workingDir(image)).isEqualTo("/opt/simswarm/project");
        Images.Run configs = images.run(image, List.of(), "./queueing", "-u", "Cmdenv", "-a");
        assertThat(configs.exitCode()).as(configs.output()).isZero();
        assertThat(configs.output()).contains("Config MM1: 6");
    }

    @Test
    void theImageRunsOneRunThroughTheRunnerAndUploadsItsResults() throws Exception {
        try (UploadServer server = new UploadServer()) {
            Images.Run run = images.run(cold.getString("image"), List.of(
                    "SIMSWARM_RUN_COMMAND=./queueing",
                    "SIMSWARM_CONFIG=MM1",
                    "SIMSWARM_SIM_ARGS=--sim-time-limit=10s",
                    "SIMSWARM_RUNS=3",
                    "SIMSWARM_TOKENS=token-of-run-3",
                    "SIMSWARM_UPLOAD_URL=" + server.uploadUrl()), Dockerfile.RUNNER_PATH);

            assertThat(run.exitCode()).as(run.output()).isZero();
            assertThat(server.uploads()).hasSize(1);
            UploadServer.Upload upload = server.uploads().get(0);
            assertThat(upload.path()).isEqualTo("/campaigns/test/runs/3/results");
            assertThat(upload.authorization()).isEqualTo("Bearer token-of-run-3");
            assertThat(upload.contentType()).isEqualTo("application/gzip");
            Map<String, String> files = untar(upload.body());
            assertThat(files.keySet()).anyMatch(name -> name.endsWith(".sca"))
                    .anyMatch(name -> name.endsWith(".vec"))
                    .anyMatch(name -> name.endsWith(".out"));
            String sca = files.entrySet().stream().filter(e -> e.getKey().endsWith(".sca")).findFirst().orElseThrow()
                    .getValue();
            assertThat(sca).startsWith("version 3").contains("attr configname MM1").contains("attr runnumber 3");
        }
    }

    private static Map<String, String> untar(byte[] gzip) throws IOException {
        Map<String, String> files = new java.util.HashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(
                new ByteArrayInputStream(gzip)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                if (entry.isFile()) {
                    files.put(entry.getName(), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    @Test
    void keepsTheDockerOutputAsTheBuildLog() {
        String log = Builds.log(coldId);
        assertThat(log).contains("git: listing the refs of " + repo.url())
                .contains("Step 1/")
                .contains("g++")
                .contains("built " + cold.getString("image"));
    }

    @Test
    void servesTheSameCommitAndSpecFromTheCache() {
        long started = System.nanoTime();
        String id = Builds.submit(Map.of("repoUrl", repo.url(), "buildCommand", "make -j2", "ref", "main"));
        JsonPath again = Builds.awaitFinished(id);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("cached build turnaround (POST to SUCCEEDED seen): %d ms%n", millis);

        assertThat(again.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(again.getBoolean("cached")).isTrue();
        assertThat(again.getString("image")).isEqualTo(cold.getString("image"));
        assertThat(again.getString("commit")).isEqualTo(cold.getString("commit"));
        assertThat(again.getString("imageDigest")).isEqualTo(cold.getString("imageDigest"));
        assertThat(again.getString("baseImageDigest")).isEqualTo(cold.getString("baseImageDigest"));
        assertThat(Builds.log(id)).contains("reusing it").doesNotContain("Step 1/");
        assertThat(images.builtFrom(repo.url())).hasSize(1);
    }

    @Test
    void resolvesATagAndAShaToTheSameCommit() {
        repo.tag("v1", true);
        String byTag = Builds.submit(Map.of("repoUrl", repo.url(), "buildCommand", "make -j2", "ref", "v1"));
        String bySha = Builds.submit(Map.of("repoUrl", repo.url(), "buildCommand", "make -j2", "ref", repo.head()));
        for (String id : List.of(byTag, bySha)) {
            JsonPath build = Builds.awaitFinished(id);
            assertThat(build.getString("commit")).isEqualTo(repo.head());
            assertThat(build.getBoolean("cached")).isTrue();
        }
    }

    @Test
    void listsTheBuildsOfACommit() {
        given().queryParam("commit", repo.head()).when().get("/builds")
                .then().statusCode(200)
                .body("id", hasItem(coldId))
                .body("commit", hasItem(repo.head()));
        given().queryParam("commit", repo.head().substring(0, 8)).when().get("/builds")
                .then().statusCode(200)
                .body("id", hasItem(coldId));
        given().when().get("/builds").then().statusCode(200).body("id", hasItem(coldId));
    }

    @Test
    void answersWithTheBuildAndItsLocation() {
        String location = given().contentType("application/json").body(Map.of("repoUrl", repo.url(),
                        "buildCommand", "make -j2"))
                .when().post("/builds")
                .then().statusCode(202)
                .body("status", equalTo("QUEUED"))
                .header("Location", startsWith("http"))
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        Builds.awaitFinished(id);
        given().when().get(location).then().statusCode(200)
                .body("id", equalTo(id))
                .body("repoUrl", equalTo(repo.url()))
                .body("workdir", equalTo("."))
                .body("baseImage", equalTo("simswarm/toolchain:bookworm"))
                .body("buildCommand", equalTo("make -j2"))
                .body("dockerHost", equalTo(DOCKER));
    }
}
