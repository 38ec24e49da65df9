package io.simswarm.provisioner;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.simswarm.testing.PackagedServiceKeys;
import io.simswarm.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The packaged provisioner (jar, or native executable with -Pnative) answers as it does in the tests. */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceKeys.class)
class PackagedProvisionerIT {

    private static final String ADMIN = TestTokens.of("tester", "admin");

    @Test
    void refusesACallerWithoutToken() {
        given().auth().none().when().get("/clusters/local").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void knowsTheLocalCluster() {
        given().auth().oauth2(ADMIN).when().get("/clusters/local").then().statusCode(200)
                .body("name", equalTo("local")).body("provider", equalTo("local"));
    }

    @Test
    void namesAnUnknownClusterInAProblem() {
        given().auth().oauth2(ADMIN).when().get("/clusters/no-such-cluster").then().statusCode(404)
                .contentType("application/problem+json").body("detail", not(emptyOrNullString()));
    }
}
