package io.simswarm.imagebuild.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.imagebuild.docker.DockerEngines;
import io.simswarm.imagebuild.support.Builds;
import io.simswarm.imagebuild.support.Images;
import io.simswarm.imagebuild.support.TestRepo;
import io.simswarm.testing.TestTokens;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The log of a running build can be read while it runs, line by line as the build writes them. */
@QuarkusTest
class BuildLogStreamTest {

    @TestHTTPResource("/builds")
    URL builds;

    @Inject
    DockerEngines engines;

    @Test
    void streamsTheLogWhileTheBuildRuns() throws Exception {
        try (TestRepo repo = TestRepo.withFiles(Map.of("Makefile",
                "all:\n\tfor i in $$(seq 1 20); do echo tick $$i; sleep 0.5; done\n"))) {
            String id = Builds.submit(Map.of("repoUrl", repo.url(), "buildCommand", "make"));
            HttpURLConnection log = (HttpURLConnection) new URL(builds + "/" + id + "/log").openConnection();
            log.setRequestProperty("Authorization", "Bearer " + TestTokens.of("tester", "viewer"));
            assertThat(log.getContentType()).startsWith("text/plain");
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(log.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                do {
                    line = lines.readLine();
                } while (line != null && !line.equals("tick 2"));
                assertThat(line).isEqualTo("tick 2");
                String status = given().when().get("/builds/" + id).then().extract().path("status");
                assertThat(status).isEqualTo("BUILDING");
                StringBuilder rest = new StringBuilder();
                while ((line = lines.readLine()) != null) {
                    rest.append(line).append('\n');
                }
                assertThat(rest).contains("tick 20\n").contains("built simswarm/build:");
            }
            assertThat(Builds.awaitFinished(id).getString("status")).isEqualTo("SUCCEEDED");
            new Images(engines.client("unix:///var/run/docker.sock")).removeBuiltFrom(repo.url());
        }
    }
}
