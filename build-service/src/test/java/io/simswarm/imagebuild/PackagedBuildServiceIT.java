package io.simswarm.imagebuild;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.simswarm.testing.PackagedServiceKeys;
import io.simswarm.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The packaged build service (jar, or native executable with -Pnative) answers as it does in the tests. */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceKeys.class)
class PackagedBuildServiceIT {

    private static final String ADMIN = TestTokens.of("tester", "admin");

    @Test
    void refusesACallerWithoutToken() {
        given().auth().none().when().get("/builds/no-such-build").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void refusesABuildWithoutRepository() {
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"buildCommand\":\"make\"}")
                .when().post("/builds")
                .then().statusCode(400).contentType("application/problem+json").body("detail", not(emptyOrNullString()));
    }

    @Test
    void namesAnUnknownBuildInAProblem() {
        given().auth().oauth2(ADMIN).when().get("/builds/no-such-build").then().statusCode(404).contentType("application/problem+json");
    }
}
