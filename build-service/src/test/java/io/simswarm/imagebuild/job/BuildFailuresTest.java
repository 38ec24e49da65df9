package io.simswarm.imagebuild.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.imagebuild.docker.DockerEngines;
import io.simswarm.imagebuild.support.Builds;
import io.simswarm.imagebuild.support.Images;
import io.simswarm.imagebuild.support.TestRepo;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every bad input a user can send ends as a FAILED build whose error names what was wrong. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildFailuresTest {

    @Inject
    DockerEngines engines;

    private TestRepo repo;
    private Instant started;

    @BeforeAll
    void aSmallProject() {
        started = Instant.now();
        repo = TestRepo.withFiles(Map.of("Makefile", "all:\n\techo built > built.txt\n",
                "fails.sh", "#!/bin/sh\nfor i in $(seq 1 80); do echo \"compiler line $i\"; done\n"
                        // the engine interleaves stdout and stderr in no fixed order: keep them apart in time
                        + "sleep 1\necho 'src/model.cc:12: error: expected ; before }' >&2\nsleep 1\nexit 3\n"));
    }

    @AfterAll
    void cleanUp() {
        new Images(engines.client("unix:///var/run/docker.sock")).removeBuiltFrom(repo.url());
        repo.close();
    }

    @Test
    void anUnreachableRepository() {
        JsonPath build = failed(Map.of("repoUrl", "https://127.0.0.1:9/simswarm/nothing.git"));

        assertThat(build.getString("error"))
                .startsWith("Could not reach the git repository https://127.0.0.1:9/simswarm/nothing.git: ");
        assertThat(build.getString("commit")).isNull();
    }

    @Test
    void aRepositoryThatDoesNotExist() {
        String url = "file:///nonexistent/" + UUID.randomUUID() + ".git";

        assertThat(failed(Map.of("repoUrl", url)).getString("error"))
                .startsWith("The git repository " + url + " was not found");
    }

    @Test
    void anUnknownRef() {
        assertThat(failed(Map.of("repoUrl", repo.url(), "ref", "no-such-branch")).getString("error"))
                .isEqualTo("The ref 'no-such-branch' is neither a branch, a tag nor a commit of " + repo.url());
        String sha = "0123456789abcdef0123456789abcdef01234567";
        assertThat(failed(Map.of("repoUrl", repo.url(), "ref", sha)).getString("error"))
                .isEqualTo("The ref '" + sha + "' is neither a branch, a tag nor a commit of " + repo.url());
    }

    @Test
    void aWorkdirTheRepositoryDoesNotHave() {
        JsonPath build = failed(Map.of("repoUrl", repo.url(), "workdir", "simulations/missing", "buildCommand",
                "make"));

        assertThat(build.getString("error")).isEqualTo("The workdir 'simulations/missing' does not exist in "
                + repo.url() + " at commit " + repo.head());
    }

    @Test
    void aFailingBuildCommandReportsTheEndOfItsLog() {
        JsonPath build = failed(Map.of("repoUrl", repo.url(), "buildCommand", "./fails.sh"));

        String error = build.getString("error");
        assertThat(error).startsWith("The build failed: ").contains("returned a non-zero code: 3")
                .contains("Last 50 lines of the build log:")
                .contains("src/model.cc:12: error: expected ; before }")
                .contains("compiler line 80")
                .doesNotContain("compiler line 20\n");
        String marker = "Last 50 lines of the build log:\n";
        List<String> tail = error.substring(error.indexOf(marker) + marker.length()).lines().toList();
        assertThat(tail).hasSize(50);
        assertThat(Builds.log(build.getString("id"))).contains("compiler line 1\n").contains("compiler line 80\n");
    }

    @Test
    void aBaseImageTheEngineDoesNotHave() {
        String base = "simswarm/absent-" + UUID.randomUUID() + ":1";

        assertThat(failed(Map.of("repoUrl", repo.url(), "baseImage", base)).getString("error"))
                .startsWith("The base image " + base + " is not present on the Docker engine at"
                        + " unix:///var/run/docker.sock (no image is pulled");
    }

    @Test
    void anUnreachableDockerEngine() {
        assertThat(failed(Map.of("repoUrl", repo.url(), "dockerHost", "tcp://127.0.0.1:1")).getString("error"))
                .startsWith("The Docker engine at tcp://127.0.0.1:1 is not reachable: ");
        String socket = "unix:///tmp/simswarm-" + UUID.randomUUID() + ".sock";
        assertThat(failed(Map.of("repoUrl", repo.url(), "dockerHost", socket)).getString("error"))
                .startsWith("The Docker engine at " + socket + " is not reachable: ");
    }

    @Test
    void leavesNoCheckoutBehind() throws IOException {
        failed(Map.of("repoUrl", repo.url(), "workdir", "nowhere", "buildCommand", "make"));
        failed(Map.of("repoUrl", repo.url(), "buildCommand", "./fails.sh", "baseImage", "simswarm/toolchain:bookworm",
                "workdir", "."));

        try (Stream<Path> temp = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(temp.filter(p -> p.getFileName().toString().startsWith("simswarm-checkout-"))
                    .filter(p -> modifiedAfter(p, started))).isEmpty();
        }
    }

    private static boolean modifiedAfter(Path path, Instant instant) {
        try {
            return Files.getLastModifiedTime(path).compareTo(FileTime.from(instant)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static JsonPath failed(Map<String, String> body) {
        Map<String, String> request = new HashMap<>(body);
        request.putIfAbsent("buildCommand", "make");
        JsonPath build = Builds.awaitFinished(Builds.submit(request));
        assertThat(build.getString("status")).as("build of %s", body).isEqualTo("FAILED");
        assertThat(build.getString("image")).isNull();
        assertThat(build.getString("finishedAt")).isNotNull();
        return build;
    }
}
