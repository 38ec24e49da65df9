package io.simswarm.results.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.commons.security.InternalKeys;
import io.simswarm.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading results needs a token; the runner's uploads keep their own HMAC tokens. */
@QuarkusTest
class ResultsAccessTest {

    @ParameterizedTest
    @ValueSource(strings = {"/campaigns/c/scalars", "/campaigns/c/statistics", "/campaigns/c/vectors",
            "/campaigns/c/runs", "/campaigns/c/parse-errors", "/campaigns/c", "/campaigns/c/results.zip",
            "/campaigns/c/runs/0/files", "/campaigns/c/runs/0/log", "/campaigns/c/vectors/k/data", "/q/openapi",
            "/q/metrics"})
    void withoutATokenEveryReadAnswers401(String path) {
        given().auth().none().get(path).then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("needs a bearer token"));
    }

    @Test
    void expiredAndForgedTokensAre401() {
        given().header("Authorization", "Bearer " + TestTokens.expired("vera", "viewer")).get("/campaigns/c/runs")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.forged("vera", "admin")).get("/campaigns/c/runs")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aViewerReadsButCannotWrite() {
        String viewer = "Bearer " + TestTokens.of("vera", "viewer");
        given().header("Authorization", viewer).get("/campaigns/c/runs").then().statusCode(not(401));
        given().header("Authorization", viewer).delete("/campaigns/c").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anotherServiceReadsWithTheInternalKeyAndWritesNothing() {
        given().auth().none().header(InternalKeys.HEADER, "test-internal-key").get("/campaigns/c/scalars")
                .then().statusCode(not(401)).statusCode(not(403));
        given().auth().none().header(InternalKeys.HEADER, "test-internal-key").delete("/campaigns/c")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().none().header(InternalKeys.HEADER, "a-guess").get("/campaigns/c/scalars")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anUploadIsJudgedByItsRunTokenNotByAUserToken() {
        given().auth().none().contentType("application/gzip").body(new byte[10]).post("/campaigns/c/runs/0/results")
                .then().statusCode(401).body("detail", containsString("Authorization: Bearer TOKEN"))
                .body("detail", not(containsString("simswarm token create")));
    }
}
