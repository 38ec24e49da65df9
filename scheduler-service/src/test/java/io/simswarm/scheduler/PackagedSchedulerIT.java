package io.simswarm.scheduler;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.simswarm.testing.PackagedServiceKeys;
import io.simswarm.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** The packaged scheduler (jar, or native executable with -Pnative) answers as it does in the tests. */
@QuarkusIntegrationTest
@WithTestResource(PackagedServiceKeys.class)
class PackagedSchedulerIT {

    private static final String ADMIN = TestTokens.of("tester", "admin");

    @Test
    void refusesACallerWithoutToken() {
        given().auth().none().when().get("/campaigns/no-such-campaign").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void isReadyWithItsDatabaseAndKafka() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void refusesACampaignWithoutConfig() {
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"repoUrl\":\"file:///nowhere\"}")
                .when().post("/campaigns")
                .then().statusCode(400).contentType("application/problem+json").body("detail", not(emptyOrNullString()));
    }

    @Test
    void namesAnUnknownCampaignInAProblem() {
        given().auth().oauth2(ADMIN).when().get("/campaigns/no-such-campaign").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
