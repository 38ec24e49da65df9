package io.simswarm.imagebuild.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every request REST refuses, each answered as application/problem+json naming what was wrong. */
@QuarkusTest
class BuildRequestValidationTest {

    @Test
    void aBodyWithoutRepoUrlIsABadRequest() {
        given().contentType(ContentType.JSON).body(Map.of("ref", "main"))
                .when().post("/builds")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("repoUrl is required"))
                .body("errors[0]", containsString("repoUrl is required"));
    }

    @Test
    void aMissingBodyIsABadRequest() {
        given().contentType(ContentType.JSON)
                .when().post("/builds")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("repoUrl"));
    }

    @Test
    void unreadableJsonIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"repoUrl\": ")
                .when().post("/builds")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("The request body is not valid JSON for this endpoint: Unexpected"
                        + " end-of-input"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "repoUrl|not a url|repoUrl 'not a url' contains spaces",
        "repoUrl|htp://example.org/x.git|unsupported scheme 'htp'",
        "repoUrl|projects/queueing|is not a git URL",
        "workdir|../outside|workdir '../outside' must be a folder inside the repository",
        "workdir|/etc|workdir '/etc' must be a folder inside the repository",
        "dockerHost|http://127.0.0.1:2375|must start with unix:// or tcp://",
        "registry|http://127.0.0.1:5050|registry 'http://127.0.0.1:5050' must look like host:port"
    })
    void aMalformedFieldIsABadRequestNamingIt(String field, String value, String problem) {
        Map<String, String> body = field.equals("repoUrl") ? Map.of("repoUrl", value)
                : Map.of("repoUrl", "file:///srv/git/x.git", field, value);
        given().contentType(ContentType.JSON).body(body)
                .when().post("/builds")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Bad request"))
                .body("detail", containsString(problem));
    }

    @Test
    void dockerTlsNeedsAClusterAndATcpEndpoint() {
        given().contentType(ContentType.JSON).body(Map.of("repoUrl", "file:///srv/git/x.git", "dockerHost",
                        "tcp://203.0.113.7:2376", "dockerTls", true))
                .when().post("/builds")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0]", equalTo("dockerTls needs the cluster whose client certificates the provisioner"
                        + " keeps"));
        given().contentType(ContentType.JSON).body(Map.of("repoUrl", "file:///srv/git/x.git", "cluster", "aws",
                        "dockerHost", "unix:///var/run/docker.sock", "dockerTls", true))
                .when().post("/builds")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0]", equalTo("dockerTls needs a tcp:// dockerHost, not 'unix:///var/run/docker.sock'"));
    }

    @Test
    void anUnknownBuildIsNotFound() {
        String id = UUID.randomUUID().toString();
        given().when().get("/builds/" + id)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no build with id '" + id + "'."));
        given().when().get("/builds/not-a-uuid")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no build with id 'not-a-uuid'."));
        given().when().get("/builds/" + id + "/log")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("There is no build with id '" + id + "'."));
    }

    @Test
    void listingByAnythingButAShaIsABadRequest() {
        given().queryParam("commit", "main").when().get("/builds")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The commit 'main' is not a commit sha (4 to 40 hex digits)."));
        given().queryParam("commit", "ffffffffffff").when().get("/builds")
                .then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void theOpenApiDocumentDescribesTheBuildEndpoints() {
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths.'/builds'.post.responses.'202'.description", containsString("Queued"))
                .body("paths.'/builds/{id}'.get.summary", equalTo("A build and its outcome"))
                .body("paths.'/builds/{id}/log'.get.responses.'200'.content", org.hamcrest.Matchers.hasKey("text/plain"))
                .body("paths.'/builds'.get.parameters.name", org.hamcrest.Matchers.hasItem("commit"));
    }
}
