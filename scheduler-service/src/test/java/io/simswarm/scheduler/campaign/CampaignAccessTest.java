package io.simswarm.scheduler.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import io.simswarm.testing.TestTokens;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may submit, read, cancel and retry campaigns: real tokens through the real filter. */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class CampaignAccessTest {

    private static final String VIEWER = "Bearer " + TestTokens.of("vera", "viewer");
    private static final String RITA = "Bearer " + TestTokens.of("rita", "runner");
    private static final String RUBEN = "Bearer " + TestTokens.of("ruben", "runner");
    private static final String ADMIN = "Bearer " + TestTokens.of("ada", "admin");

    @ParameterizedTest
    @CsvSource({"GET,/campaigns", "POST,/campaigns", "GET,/campaigns/x", "GET,/campaigns/x/runs",
            "GET,/campaigns/x/runs/0/attempts", "POST,/campaigns/x/cancel", "POST,/campaigns/x/retry-failed",
            "GET,/q/openapi", "GET,/q/metrics", "DELETE,/campaigns/x", "GET,/q/swagger-ui"})
    void withoutATokenEveryEndpointAnswers401(String method, String path) {
        given().auth().none().contentType(ContentType.JSON).body("{}").request(method, path)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("needs a bearer token"));
    }

    @Test
    void theRunnersPathsKeepTheirOwnTokens() {
        given().auth().none().post("/campaigns/x/leases").then().statusCode(not(equalTo(403)))
                .body("detail", not(containsString("bearer token:")));
    }

    @Test
    void aViewerReadsButCannotSubmit() {
        given().header("Authorization", VIEWER).get("/campaigns").then().statusCode(200);
        given().header("Authorization", VIEWER).contentType(ContentType.JSON).body(Campaigns.queueing("MM1"))
                .post("/campaigns").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("The token of 'vera' (role viewer) does not allow POST /campaigns."));
    }

    @Test
    void aRunnerCancelsItsOwnCampaignButNotAnothersAndAnAdminCancelsAny() {
        String mine = submitAs(RITA);
        String theirs = submitAs(RUBEN);
        given().header("Authorization", RITA).get("/campaigns/" + mine).then().body("owner", equalTo("rita"));
        given().header("Authorization", RITA).post("/campaigns/{id}/cancel", theirs)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("Only its owner or an admin may cancel campaign " + theirs
                        + "; it belongs to 'ruben'."));
        given().header("Authorization", RITA).post("/campaigns/{id}/retry-failed", theirs)
                .then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", VIEWER).post("/campaigns/{id}/cancel", mine)
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/campaigns/" + theirs).then().body("status", not(equalTo("CANCELLED")));
        given().header("Authorization", RITA).post("/campaigns/{id}/cancel", mine)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().header("Authorization", ADMIN).post("/campaigns/{id}/cancel", theirs)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void expiredAndForgedTokensAre401() {
        given().header("Authorization", "Bearer " + TestTokens.expired("rita", "runner")).get("/campaigns")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + TestTokens.forged("rita", "admin")).get("/campaigns")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://alice:ghp_secret@github.com/org/sim.git", "https://ghp_secret@github.com/org/sim",
            "ssh://git:hunter2@example.org/sim.git"})
    void aRepositoryUrlWithCredentialsIsRefusedAndNotEchoed(String url) {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("repoUrl", url);
        given().contentType(ContentType.JSON).body(body).post("/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("SIMSWARM_GIT_TOKEN"))
                .body("detail", not(containsString("secret")))
                .body("detail", not(containsString("hunter2")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://10.0.0.1/sim.git", "ftp://example.org/sim.git"})
    void onlyHttpsSshAndGitAreFetched(String url) {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("repoUrl", url);
        given().contentType(ContentType.JSON).body(body).post("/campaigns")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("use https, ssh or git"));
    }

    /** A campaign that stays BUILDING: the build stand-in answers no build of this repository. */
    private static String submitAs(String token) {
        Map<String, Object> body = Campaigns.queueing("MM1");
        body.put("repoUrl", "file:///srv/never-built/sim.git");
        return given().header("Authorization", token).contentType(ContentType.JSON).body(body)
                .post("/campaigns").then().statusCode(201).extract().path("id");
    }
}
