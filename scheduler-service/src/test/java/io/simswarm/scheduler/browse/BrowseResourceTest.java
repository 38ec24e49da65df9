package io.simswarm.scheduler.browse;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.run.Itervar;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunState;
import io.simswarm.scheduler.support.StandIns;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The paged lists and the conditional progress of {@link BrowseResource}, over campaigns written to the database. */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class BrowseResourceTest {

    @Test
    void runsArePagedFilteredAndSortedOnTheServer() {
        String id = campaign(CampaignStatus.RUNNING, 30);

        given().queryParam("limit", 10).queryParam("offset", 10)
                .when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(200)
                .body("total", equalTo(30)).body("offset", equalTo(10)).body("limit", equalTo(10))
                .body("items.runNumber", contains(10, 11, 12, 13, 14, 15, 16, 17, 18, 19));

        given().queryParam("state", "failed").queryParam("sort", "durationMs").queryParam("desc", true)
                .when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(200)
                .body("total", equalTo(10))
                .body("items.state", everyItem(equalTo("FAILED")))
                .body("items.runNumber", contains(28, 25, 22, 19, 16, 13, 10, 7, 4, 1));

        given().queryParam("node", "node-b").queryParam("limit", 1000)
                .when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(200).body("total", equalTo(15)).body("items.node", everyItem(equalTo("node-b")));

        given().when().get("/campaigns/{id}/nodes", id)
                .then().statusCode(200).body("", contains("node-a", "node-b"));
    }

    @Test
    void aWrongSortStateOrPageSizeIsABadRequestThatSaysWhatIsAllowed() {
        String id = campaign(CampaignStatus.RUNNING, 1);
        given().queryParam("sort", "colour").when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(400).body("detail", containsString("durationMs"));
        given().queryParam("state", "sleeping").when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(400).body("detail", containsString("'sleeping' is not a run state"));
        given().queryParam("limit", 5000).when().get("/campaigns/page")
                .then().statusCode(400).body("detail", containsString("limit must be between 1 and 1000"));
        given().when().get("/campaigns/{id}/runs/page", UUID.randomUUID().toString()).then().statusCode(404);
    }

    @Test
    void campaignsArePagedNewestFirstAndFilteredByStatus() {
        String older = campaign(CampaignStatus.CANCELLED, 2);
        String newer = campaign(CampaignStatus.CANCELLED, 3);

        given().queryParam("status", "CANCELLED").queryParam("limit", 2)
                .when().get("/campaigns/page")
                .then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.status", everyItem(equalTo("CANCELLED")))
                .body("items[0].id", equalTo(newer)).body("items[1].id", equalTo(older))
                .body("items[0].runs.total", equalTo(3)).body("items[0].runs.failed", equalTo(1));
    }

    @Test
    void campaignsAreFilteredByOwnerAloneAndWithStatus() {
        String olga = "olga-" + UUID.randomUUID();
        String first = campaign(CampaignStatus.SUCCEEDED, 1, olga);
        String second = campaign(CampaignStatus.FAILED, 1, olga);
        campaign(CampaignStatus.SUCCEEDED, 1, "someone-else");

        given().queryParam("owner", olga).when().get("/campaigns/page")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", contains(second, first))
                .body("items.owner", everyItem(equalTo(olga)));
        given().queryParam("owner", olga).queryParam("status", "succeeded").when().get("/campaigns/page")
                .then().statusCode(200).body("total", equalTo(1)).body("items.id", contains(first));
        given().queryParam("owner", "nobody-" + UUID.randomUUID()).when().get("/campaigns/page")
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));

        given().when().get("/campaigns/owners")
                .then().statusCode(200).body("", hasItems(olga, "someone-else"));
    }

    @Test
    void runsAreFilteredByIterationVariablesExactlyAndTogetherWithTheState() {
        String id = campaignWithItervars();

        given().queryParam("itervar", "n=10").when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(200)
                .body("total", equalTo(4)).body("items.runNumber", contains(0, 1, 2, 3))
                .body("items[0].itervars.n", equalTo("10")).body("items[0].itervars.rho", equalTo("0.5"));
        given().queryParam("itervar", "n=10").queryParam("itervar", "rho=0.7")
                .when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(200).body("total", equalTo(2)).body("items.runNumber", contains(1, 3));
        given().queryParam("itervar", "$n=2").queryParam("state", "FAILED")
                .when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(200).body("total", equalTo(2)).body("items.runNumber", contains(4, 7));
        given().queryParam("itervar", "n=10.0").when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(200).body("total", equalTo(0));
        given().queryParam("itervar", "colour=red").when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void runsAreSortedByAnIterationVariableAsNumbersAndByAttempts() {
        String id = campaignWithItervars();

        given().queryParam("sort", "itervar:n").when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(200)
                .body("items.runNumber", contains(12, 8, 9, 10, 11, 4, 5, 6, 7, 0, 1, 2, 3));
        given().queryParam("sort", "itervar:n").queryParam("desc", true).queryParam("limit", 5)
                .when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(200).body("total", equalTo(13)).body("items.runNumber", contains(3, 2, 1, 0, 7));
        given().queryParam("sort", "attempts").queryParam("desc", true).queryParam("limit", 6)
                .when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(200).body("items.runNumber", contains(11, 7, 3, 10, 6, 2));
        given().queryParam("sort", "durationMs").queryParam("itervar", "rho=0.5").queryParam("limit", 3)
                .when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(200).body("total", equalTo(6)).body("items.runNumber", contains(0, 2, 4));
    }

    @Test
    void theIterationVariablesOfACampaignComeWithTheirValuesInOmnetppsOrder() {
        String id = campaignWithItervars();

        given().when().get("/campaigns/{id}/itervars", id)
                .then().statusCode(200)
                .body("name", contains("n", "rho"))
                .body("[0].values", contains("10", "2", "1"))
                .body("[1].values", contains("0.5", "0.7"));
        given().when().get("/campaigns/{id}/itervars", UUID.randomUUID().toString()).then().statusCode(404);
    }

    @Test
    void aMalformedIterationVariableFilterOrSortIsABadRequest() {
        String id = campaign(CampaignStatus.RUNNING, 1);
        given().queryParam("itervar", "rho").when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(400).body("detail", containsString("itervar must be NAME=VALUE"));
        given().queryParam("itervar", "=1").when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(400).body("detail", containsString("not '=1'"));
        given().queryParam("sort", "itervar:").when().get("/campaigns/{id}/runs/page", id)
                .then().statusCode(400).body("detail", containsString("itervar:NAME"));
    }

    @Test
    void progressAnswersNotModifiedUntilARunChangesState() {
        String id = campaign(CampaignStatus.RUNNING, 4);
        String tag = given().when().get("/campaigns/{id}/progress", id)
                .then().statusCode(200).body("runs.total", equalTo(4)).extract().header("ETag");
        assertThat(tag).isNotBlank();

        given().header("If-None-Match", tag).when().get("/campaigns/{id}/progress", id).then().statusCode(304);

        QuarkusTransaction.requiringNew().run(() -> Run.update("state = ?1 where campaignId = ?2 and runNumber = 2",
                RunState.SUCCEEDED, id));
        given().header("If-None-Match", tag).when().get("/campaigns/{id}/progress", id)
                .then().statusCode(200).body("runs.succeeded", equalTo(3));
    }

    /** A campaign whose runs are SUCCEEDED, FAILED and PENDING in turn, on node-a and node-b in turn. */
    private static String campaign(CampaignStatus status, int runs) {
        return campaign(status, runs, null);
    }

    /**
     * A RUNNING campaign of 13 runs as {@link #campaign} makes them, with k % 4 attempts and 1000 + k ms each: runs
     * 0-11 with $n = 10, 2, 1 for runs 0-3, 4-7, 8-11 and $rho = 0.5, 0.7 in turn; run 12 without variables.
     */
    private static String campaignWithItervars() {
        String id = campaign(CampaignStatus.RUNNING, 13);
        QuarkusTransaction.requiringNew().run(() -> Run.<Run>list("campaignId", id).forEach(run -> {
            run.attempts = run.runNumber % 4;
            if (run.runNumber < 12) {
                run.itervars = List.of(new Itervar("n", List.of("10", "2", "1").get(run.runNumber / 4)),
                        new Itervar("rho", run.runNumber % 2 == 0 ? "0.5" : "0.7"));
            }
        }));
        return id;
    }

    private static String campaign(CampaignStatus status, int runs, String owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Campaign c = new Campaign();
            c.submittedBy = owner;
            c.id = UUID.randomUUID().toString();
            c.cluster = "local";
            c.repoUrl = "file:///browse-test/" + c.id;
            c.config = "General";
            c.runCommand = "./sim";
            c.status = status;
            c.submittedAt = Instant.now();
            c.persist();
            for (int n = 0; n < runs; n++) {
                Run run = new Run();
                run.campaignId = c.id;
                run.runNumber = n;
                run.state = RunState.values()[new int[] {3, 4, 0}[n % 3]];
                run.node = n % 2 == 0 ? "node-a" : "node-b";
                run.attempts = 1;
                run.durationMs = 1000L + n;
                run.persist();
            }
            return c.id;
        });
    }
}
