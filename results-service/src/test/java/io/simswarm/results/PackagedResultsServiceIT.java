package io.simswarm.results;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.simswarm.testing.PackagedServiceKeys;
import io.simswarm.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The packaged results service (jar, or native executable with -Pnative) answers as it does in the tests. */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceKeys.class)
class PackagedResultsServiceIT {

    private static final String ADMIN = TestTokens.of("tester", "admin");

    @Test
    void refusesACallerWithoutToken() {
        given().auth().none().when().get("/campaigns/packaged-it/runs").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void refusesAnUploadWithoutToken() {
        given().contentType("application/gzip").body(new byte[] {1, 2, 3})
                .when().post("/campaigns/packaged-it/runs/0/results")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void refusesAnUploadWithAnotherRunsToken() {
        given().contentType("application/gzip").header("Authorization", "Bearer 0123456789abcdef")
                .body(new byte[] {1, 2, 3})
                .when().post("/campaigns/packaged-it/runs/0/results")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
