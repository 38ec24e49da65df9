package io.simswarm.scheduler.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import io.simswarm.testing.TestIdentityProvider;
import io.simswarm.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Tokens of an OpenID Connect identity provider (a real one: node-oidc-provider, {@link TestIdentityProvider}),
 * accepted beside SimSwarm's own: the roles come from its token, the owner is its subject, and a token it did not sign
 * is refused.
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestIdentityProvider.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class IdentityProviderAccessTest {

    @Test
    void aRunnerOfTheIdentityProviderSubmitsAndOwnsItsCampaign() {
        String runner = "Bearer " + TestIdentityProvider.clientToken("ci-runner");
        String id = given().header("Authorization", runner).contentType(ContentType.JSON)
                .body(Campaigns.queueing("MM1")).post("/campaigns").then().statusCode(201)
                .body("owner", equalTo("ci-runner")).extract().path("id");
        given().header("Authorization", runner).post("/campaigns/{id}/cancel", id)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void aViewerOfTheIdentityProviderReadsButCannotSubmit() {
        String viewer = "Bearer " + TestIdentityProvider.clientToken("ci-viewer");
        given().header("Authorization", viewer).get("/campaigns").then().statusCode(200);
        given().header("Authorization", viewer).contentType(ContentType.JSON).body(Campaigns.queueing("MM1"))
                .post("/campaigns").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("The token of 'ci-viewer' (role viewer) does not allow POST /campaigns."));
    }

    @Test
    void aTokenWhoseClaimsWereChangedIsRefused() {
        String[] parts = TestIdentityProvider.clientToken("ci-viewer").split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"viewer\"", "\"admin\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().header("Authorization", "Bearer " + tampered).get("/campaigns")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void withoutATokenTheAnswerIsStillTheServicesOwn401() {
        given().auth().none().get("/campaigns").then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("needs a bearer token"));
    }

    @Test
    void theServicesOwnTokensStillWork() {
        given().header("Authorization", "Bearer " + TestTokens.of("ada", "admin")).get("/campaigns")
                .then().statusCode(200);
        given().header("Authorization", "Bearer " + TestTokens.forged("ada", "admin")).get("/campaigns")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.expired("ada", "admin")).get("/campaigns")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
