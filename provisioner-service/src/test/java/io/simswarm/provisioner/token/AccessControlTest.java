package io.simswarm.provisioner.token;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.simswarm.docker.ProvisionerClient;
import io.simswarm.testing.TestTokens;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Who may call the provisioner: real tokens through the real filter, and the internal key of the other services. */
@QuarkusTest
class AccessControlTest {

    private static final Map<String, Object> CLUSTER = Map.of("name", "acl-never-made", "provider", "aws",
            "workers", 1);

    @ParameterizedTest
    @CsvSource({"GET,/clusters", "GET,/clusters/local", "GET,/clusters/local/cost", "POST,/clusters",
            "DELETE,/clusters/local", "POST,/clusters/local/halt", "POST,/tokens", "GET,/q/openapi",
            "GET,/q/metrics", "GET,/clusters/local/docker-tls"})
    void withoutATokenEveryEndpointAnswers401(String method, String path) {
        given().auth().none().contentType(ContentType.JSON).body("{}").request(method, path)
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", containsString("needs a bearer token"));
    }

    @Test
    void healthStaysOpen() {
        given().auth().none().get("/q/health/live").then().statusCode(200);
        given().auth().none().get("/q/health").then().statusCode(200);
    }

    @Test
    void expiredAndForgedTokensAre401() {
        given().header("Authorization", "Bearer " + TestTokens.expired("eve", "admin")).get("/clusters")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("expired, malformed, or not signed"));
        given().header("Authorization", "Bearer " + TestTokens.forged("eve", "admin")).get("/clusters")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer not.a.token").get("/clusters")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aViewerReadsButCannotChangeClustersOrIssueTokens() {
        String viewer = "Bearer " + TestTokens.of("vera", "viewer");
        given().header("Authorization", viewer).get("/clusters").then().statusCode(200).body("name", hasItem("local"));
        given().header("Authorization", viewer).contentType(ContentType.JSON).body(CLUSTER).post("/clusters")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("The token of 'vera' (role viewer) does not allow POST /clusters."));
        given().header("Authorization", viewer).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "role", "admin")).post("/tokens")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aRunnerCannotTouchClusters() {
        String runner = "Bearer " + TestTokens.of("rita", "runner");
        given().header("Authorization", runner).contentType(ContentType.JSON).body(CLUSTER).post("/clusters")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", runner).delete("/clusters/local")
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", runner).post("/clusters/local/halt")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anAdminIssuesATokenThatTheServicesAccept() {
        String admin = "Bearer " + TestTokens.of("ada", "admin");
        String token = given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "rita", "role", "runner", "expires", "2h")).post("/tokens")
                .then().statusCode(201).body("name", equalTo("rita")).body("role", equalTo("runner"))
                .body("expiresAt", notNullValue()).extract().path("token");
        given().header("Authorization", "Bearer " + token).get("/clusters").then().statusCode(200);
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON).body(CLUSTER)
                .post("/clusters").then().statusCode(403)
                .body("detail", equalTo("The token of 'rita' (role runner) does not allow POST /clusters."));
    }

    @Test
    void aTokenRequestIsChecked() {
        String admin = "Bearer " + TestTokens.of("ada", "admin");
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "rita", "role", "root")).post("/tokens")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("must be viewer, runner or admin"));
        given().header("Authorization", admin).contentType(ContentType.JSON)
                .body(Map.of("name", "rita", "role", "viewer", "expires", "forever")).post("/tokens")
                .then().statusCode(400).body("detail", containsString("e.g. 30d"));
    }

    @Test
    void theOtherServicesReadClustersWithTheInternalKeyAndNothingMore() {
        given().auth().none().header(ProvisionerClient.INTERNAL_KEY_HEADER, "test-internal-key").get("/clusters/local")
                .then().statusCode(200).body("name", equalTo("local"));
        given().auth().none().header(ProvisionerClient.INTERNAL_KEY_HEADER, "test-internal-key")
                .contentType(ContentType.JSON).body(CLUSTER).post("/clusters")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().none().header(ProvisionerClient.INTERNAL_KEY_HEADER, "wrong").get("/clusters/local")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
