package io.simswarm.imagebuild.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.simswarm.testing.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may queue and read builds, and which engines, registries and repositories a build may use. */
@QuarkusTest
class BuildAccessTest {

    private static final String VIEWER = "Bearer " + TestTokens.of("vera", "viewer");
    private static final String RUNNER = "Bearer " + TestTokens.of("rita", "runner");

    @ParameterizedTest
    @CsvSource({"GET,/builds", "POST,/builds", "GET,/builds/x", "GET,/builds/x/log", "GET,/q/openapi",
            "GET,/q/metrics"})
    void withoutATokenEveryEndpointAnswers401(String method, String path) {
        given().auth().none().contentType(ContentType.JSON).body("{}").request(method, path)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("needs a bearer token"));
    }

    @Test
    void aViewerReadsButCannotQueue() {
        given().header("Authorization", VIEWER).get("/builds").then().statusCode(200);
        given().header("Authorization", VIEWER).contentType(ContentType.JSON)
                .body(Map.of("repoUrl", "file:///srv/none.git")).post("/builds")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aRunnersBuildRecordsItsOwner() {
        String id = given().header("Authorization", RUNNER).contentType(ContentType.JSON)
                .body(Map.of("repoUrl", "file:///srv/never-there.git")).post("/builds")
                .then().statusCode(202).extract().path("id");
        given().get("/builds/" + id).then().statusCode(200).body("owner", equalTo("rita"));
    }

    @ParameterizedTest
    @CsvSource({"dockerHost,tcp://127.0.0.1:8084", "registry,attacker.example.org:5000"})
    void onlyAnAdminNamesAnEngineOrARegistry(String field, String value) {
        given().header("Authorization", RUNNER).contentType(ContentType.JSON)
                .body(Map.of("repoUrl", "file:///srv/none.git", field, value)).post("/builds")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("Only an admin may name a Docker engine (dockerHost) or a registry"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://alice:ghp_secret@github.com/org/sim.git", "https://ghp_secret@github.com/org/sim"})
    void aRepositoryUrlWithCredentialsIsRefusedAndNotEchoed(String url) {
        given().contentType(ContentType.JSON).body(Map.of("repoUrl", url)).post("/builds")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("SIMSWARM_GIT_TOKEN"))
                .body("detail", not(containsString("ghp_secret")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://169.254.169.254/latest/meta-data", "ftp://example.org/sim.git"})
    void onlyHttpsSshAndGitAreFetched(String url) {
        given().contentType(ContentType.JSON).body(Map.of("repoUrl", url)).post("/builds")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("use https, ssh or git"));
    }
}
