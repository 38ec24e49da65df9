package io.simswarm.results.query;

import static io.restassured.RestAssured.given;
import static io.simswarm.results.TestRuns.newCampaign;
import static io.simswarm.results.TestRuns.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.simswarm.results.Archives;
import io.simswarm.results.TestRuns;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The query endpoints over uploads of hand-made files with known values, and of the OMNeT++ samples. */
@QuarkusTest
class QueryResourceTest {

    private static final String CAMPAIGN = newCampaign();
    private static final JsonPathConfig DOUBLES = JsonPathConfig.jsonPathConfig()
            .numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE);

    /** Runs 0..5: x in {1, 2}, y = a, repetitions 0..2; value = 10 * x + repetition. */
    private static String sca(int run, int x, int repetition) {
        return "version 3\nrun Exp-" + run + "\nattr configname Exp\nattr repetition " + repetition + "\n"
                + "itervar x " + x + "\nitervar y \"a b\"\nconfig sim-time-limit 10s\n\n"
                + "scalar Net.host[0].app rtt:mean " + (10 * x + repetition) + "\nattr unit s\n"
                + "scalar Net.host[1].app rtt:mean " + (100 * x + repetition) + "\n"
                + "scalar Net.router \"queue, length\" nan\n"
                + "scalar Net.router inf:value " + (repetition == 0 ? "inf" : "-inf") + "\n"
                + "statistic Net.router delay:histogram\nfield count 3\nfield mean 1.5\nfield stddev 0.5\n"
                + "field min 1\nfield max 2\nfield sum 4.5\nfield sqrsum 7\nattr title \"delay, s\"\n"
                + "bin\t-inf\t0\nbin\t1\t2\nbin\t2\t1\n";
    }

    private static boolean uploaded;

    @BeforeEach
    void uploadRunsOnce() {
        if (uploaded) {
            return;
        }
        uploaded = true;
        int run = 0;
        for (int x = 1; x <= 2; x++) {
            for (int rep = 0; rep < 3; rep++) {
                String name = "Exp-x=" + x + "-#" + rep;
                upload(CAMPAIGN, run, new Archives().file(name + ".sca", sca(run, x, rep))
                        .file(name + ".vec", "version 3\nrun Exp-" + run + "\nvector 5 Net.router qlen:vector ETV\n"
                                + "attr unit packets\n5\t1\t0.5\t" + run + "\n5\t4\t1.5\t2\n5\t9\t3\tnan\n")
                        .file(name + ".out", "run " + run + " done\n").tarGz()).statusCode(201);
                run++;
            }
        }
    }

    @Test
    void listsScalarsWithRunRepetitionAndItervars() {
        given().get("/campaigns/{c}/scalars?name=rtt:mean&module=Net.host[0].app", CAMPAIGN)
                .then().statusCode(200).contentType("application/json")
                .body("", hasSize(6))
                .body("run", contains(0, 1, 2, 3, 4, 5))
                .body("repetition", contains(0, 1, 2, 0, 1, 2))
                .body("value", contains(10f, 11f, 12f, 20f, 21f, 22f))
                .body("[4].itervars.x", equalTo("2"))
                .body("[4].itervars.y", equalTo("a b"))
                .body("[4].config", equalTo("Exp"))
                .body("[4].attributes.unit", equalTo("s"));
    }

    @Test
    void filtersWithOmnetppPatterns() {
        given().get("/campaigns/{c}/scalars?module=**.app&run=0", CAMPAIGN).then().statusCode(200)
                .body("module", contains("Net.host[0].app", "Net.host[1].app"));
        given().get("/campaigns/{c}/scalars?module=Net.*&run=0", CAMPAIGN).then().statusCode(200)
                .body("module", contains("Net.router", "Net.router"));
        given().queryParam("module", "Net.host{[}?{]}.app").queryParam("name", "rtt*").queryParam("run", 1)
                .get("/campaigns/{c}/scalars", CAMPAIGN).then()
                .statusCode(200).body("", hasSize(2));
        given().get("/campaigns/{c}/scalars?name=queue,*&config=Exp&run=2", CAMPAIGN).then().statusCode(200)
                .body("name", contains("queue, length")).body("[0].value", equalTo("NaN"));
        given().get("/campaigns/{c}/scalars?config=Other", CAMPAIGN).then().statusCode(200).body("", empty());
        given().queryParam("name", "{1..3}").get("/campaigns/{c}/scalars", CAMPAIGN).then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("unsupported set"));
    }

    @Test
    void aggregatesAcrossRepetitionsWithAStudentTConfidenceInterval() {
        JsonPath rows = JsonPath.from(given().get("/campaigns/{c}/scalars?aggregate=true&name=rtt:mean", CAMPAIGN)
                .then().statusCode(200).body("", hasSize(4)).extract().asString()).using(DOUBLES);
        assertThat(rows.getList("module", String.class)).containsExactly("Net.host[0].app", "Net.host[1].app",
                "Net.host[0].app", "Net.host[1].app");
        assertThat(rows.getList("itervars.x", String.class)).containsExactly("1", "1", "2", "2");
        assertThat(rows.getList("count", Integer.class)).containsOnly(3);
        // values 20, 21, 22: mean 21, stddev 1, half-width t(0.975, 2) * 1 / sqrt(3) = 4.302652729749 / 1.7320508
        assertThat(rows.getDouble("[2].mean")).isEqualTo(21.0);
        assertThat(rows.getDouble("[2].stddev")).isEqualTo(1.0);
        assertThat(rows.getDouble("[2].min")).isEqualTo(20.0);
        assertThat(rows.getDouble("[2].max")).isEqualTo(22.0);
        assertThat(rows.getDouble("[2].ci95HalfWidth")).isCloseTo(2.4841377118, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rows.getString("[2].config")).isEqualTo("Exp");

        given().get("/campaigns/{c}/scalars?aggregate=true&name=inf:value&module=Net.router", CAMPAIGN)
                .then().statusCode(200).body("", hasSize(2))
                .body("[0].count", equalTo(3)).body("[0].mean", equalTo("NaN")).body("[0].min", equalTo("-Infinity"))
                .body("[0].max", equalTo("Infinity"));
        given().get("/campaigns/{c}/scalars?aggregate=true&name=rtt:mean&run=0", CAMPAIGN).then().statusCode(200)
                .body("", hasSize(2)).body("[0].count", equalTo(1)).body("[0].stddev", nullValue())
                .body("[0].ci95HalfWidth", nullValue());
        // a list of runs: the repetitions of one point so far (host[0]: 20 and 22, mean 21, stddev sqrt 2)
        given().get("/campaigns/{c}/scalars?aggregate=true&name=rtt:mean&module=Net.host[0].app&run=3,5", CAMPAIGN)
                .then().statusCode(200).body("", hasSize(1)).body("[0].itervars.x", equalTo("2"))
                .body("[0].count", equalTo(2)).body("[0].mean", equalTo(21f));
    }

    @Test
    void scalarsAsCsvWithOneColumnPerItervar() {
        String csv = given().accept("text/csv").get("/campaigns/{c}/scalars?module=Net.router&run=0", CAMPAIGN)
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "run,repetition,config,x,y,module,name,value",
                "0,0,Exp,1,a b,Net.router,inf:value,inf",
                "0,0,Exp,1,a b,Net.router,\"queue, length\",NaN");

        String aggregated = given().accept("text/csv")
                .get("/campaigns/{c}/scalars?aggregate=true&name=rtt:mean&module=Net.host[0].app", CAMPAIGN)
                .then().statusCode(200).extract().asString();
        String[] lines = aggregated.split("\r\n");
        assertThat(lines[0]).isEqualTo("config,x,y,module,name,count,mean,stddev,min,max,ci95HalfWidth");
        assertThat(lines[1]).startsWith("Exp,1,a b,Net.host[0].app,rtt:mean,3,11,1,10,12,2.48413771");
    }

    @Test
    void listsStatisticsWithFieldsAndBins() {
        given().get("/campaigns/{c}/statistics?run=4", CAMPAIGN).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].name", equalTo("delay:histogram"))
                .body("[0].count", equalTo(3f))
                .body("[0].sqrsum", equalTo(7f))
                .body("[0].binLowerBounds", contains("-Infinity", 1f, 2f))
                .body("[0].binCounts", contains(0f, 2f, 1f))
                .body("[0].binedges", contains(1f, 2f))
                .body("[0].binvalues", contains(2f))
                .body("[0].underflows", equalTo(0f))
                .body("[0].overflows", equalTo(1f))
                .body("[0].sumweights", equalTo(3f))
                .body("[0].attributes.title", equalTo("delay, s"))
                .body("[0].itervars.x", equalTo("2"));
        String csv = given().accept("text/csv").get("/campaigns/{c}/statistics?run=4", CAMPAIGN).then()
                .statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly(
                "run,repetition,config,x,y,module,name,count,mean,stddev,min,max,sum,sqrsum,sumweights,underflows,"
                        + "overflows,binedges,binvalues,binLowerBounds,binCounts",
                "4,1,Exp,2,a b,Net.router,delay:histogram,3,1.5,0.5,1,2,4.5,7,3,0,1,1 2,2,-inf 1 2,0 2 1");
    }

    @Test
    void listsVectorSummariesAndServesTheirData() {
        given().get("/campaigns/{c}/vectors?run=2", CAMPAIGN).then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].key", equalTo("2-5"))
                .body("[0].module", equalTo("Net.router"))
                .body("[0].name", equalTo("qlen:vector"))
                .body("[0].count", equalTo(3))
                .body("[0].mean", equalTo("NaN"))
                .body("[0].firstTime", equalTo(0.5f))
                .body("[0].lastTime", equalTo(3.0f))
                .body("[0].attributes.unit", equalTo("packets"));
        given().get("/campaigns/{c}/vectors/2-5/data", CAMPAIGN).then().statusCode(200)
                .body("event", contains(1, 4, 9))
                .body("time", contains(0.5f, 1.5f, 3.0f))
                .body("value", contains(2f, 2f, "NaN"));
        String csv = given().accept("text/csv").get("/campaigns/{c}/vectors/2-5/data", CAMPAIGN).then()
                .statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).containsExactly("event,time,value", "1,0.5,2", "4,1.5,2", "9,3,NaN");
        String summaries = given().accept("text/csv").get("/campaigns/{c}/vectors?run=0", CAMPAIGN).then()
                .statusCode(200).extract().asString();
        assertThat(summaries.split("\r\n")[0]).isEqualTo(
                "key,run,repetition,config,x,y,module,name,count,min,max,mean,stddev,firstTime,lastTime,file,vectorId");
        assertThat(summaries.split("\r\n")[1]).startsWith("0-5,0,0,Exp,1,a b,Net.router,qlen:vector,3,");
        given().get("/campaigns/{c}/vectors/9-9/data", CAMPAIGN).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("no vector with key '9-9'"));
    }

    @Test
    void listsRunsAndParseErrors() {
        given().get("/campaigns/{c}/runs", CAMPAIGN).then().statusCode(200)
                .body("run", contains(0, 1, 2, 3, 4, 5))
                .body("[3].runId", equalTo("Exp-3"))
                .body("[3].files", equalTo(3))
                .body("[3].scalars", equalTo(4))
                .body("[3].vectors", equalTo(1))
                .body("[3].itervars.x", equalTo("2"))
                .body("[3].attributes.configname", equalTo("Exp"))
                .body("[3].attributes.repetition", equalTo("0"))
                .body("[3].configEntries", contains(List.of("sim-time-limit", "10s")));
        String csv = given().get("/campaigns/{c}/runs?run=1&format=csv", CAMPAIGN).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.split("\r\n")[0]).isEqualTo("run,runId,repetition,config,x,y,configname,attr_repetition,files,"
                + "bytes,scalars,statistics,vectors,parseErrors,uploadedAt");
        assertThat(csv.split("\r\n")[1]).startsWith("1,Exp-1,1,Exp,1,a b,Exp,1,3,");
        given().get("/campaigns/{c}/parse-errors", CAMPAIGN).then().statusCode(200).body("", empty());
        String errors = given().accept("text/csv").get("/campaigns/{c}/parse-errors", CAMPAIGN).then()
                .statusCode(200).extract().asString();
        assertThat(errors).isEqualTo("run,file,line,reason\r\n");
    }

    @Test
    void readsVersion2FilesThroughTheApi() throws Exception {
        String campaign = newCampaign();
        upload(campaign, 2, Archives.of(TestRuns.V2).tarGz()).statusCode(201).body("parseErrors", empty())
                .body("scalarCount", equalTo(5)).body("vectorCount", equalTo(2));
        given().get("/campaigns/{c}/scalars?name=end-to-end*", campaign).then().statusCode(200)
                .body("", hasSize(4))
                .body("[0].itervars.load", equalTo("0.5"))
                .body("[0].itervars.numStations", equalTo("4"))
                .body("[0].repetition", equalTo(1))
                .body("[0].config", equalTo("TokenRing"));
        given().get("/campaigns/{c}/vectors/2-0/data", campaign).then().statusCode(200)
                .body("value", contains(0.01f, 0.02f, 0.03f));
        given().get("/campaigns/{c}/vectors/2-1/data", campaign).then().statusCode(200)
                .body("time", contains(1.5f, 2.5f)).body("[0].event", nullValue());
    }

    @Test
    void readsTheOmnetpp61SampleThroughTheApi() {
        String campaign = newCampaign();
        upload(campaign, 3, TestRuns.omnetpp61().tarGz()).statusCode(201);
        given().get("/campaigns/{c}/vectors", campaign).then().statusCode(200).body("", hasSize(11))
                .body("[0].count", equalTo(4655)).body("[0].max", equalTo(2f));
        List<Integer> events = given().get("/campaigns/{c}/vectors/3-0/data", campaign).then().statusCode(200)
                .body("", hasSize(4655)).extract().jsonPath().getList("event", Integer.class);
        assertThat(events).isSorted().startsWith(0, 2, 4);
        JsonPath statistic = JsonPath.from(given().get("/campaigns/{c}/statistics?name=collisionLength:histogram",
                campaign).then().statusCode(200).extract().asString()).using(DOUBLES);
        assertThat(statistic.getDouble("[0].count")).isEqualTo(669.0);
        assertThat(statistic.getDouble("[0].mean")).isEqualTo(0.17119726010731);
    }

    @Test
    void aKnownCampaignWithoutResultsAnswersEmptyLists() {
        String campaign = newCampaign();
        io.simswarm.results.KafkaTopic.publish("campaign-events", campaign, "{\"version\":1,\"eventId\":\""
                + java.util.UUID.randomUUID() + "\",\"campaignId\":\"" + campaign + "\",\"cluster\":\"local\","
                + "\"type\":\"SUBMITTED\",\"status\":\"PENDING\",\"totalRuns\":0,\"at\":\"2026-01-01T00:00:00Z\"}");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                given().get("/campaigns/{c}", campaign).then().statusCode(200));
        for (String list : List.of("scalars", "statistics", "vectors", "runs", "parse-errors")) {
            given().get("/campaigns/{c}/" + list, campaign).then().statusCode(200).body("", empty());
        }
        given().accept("text/csv").get("/campaigns/{c}/scalars", campaign).then().statusCode(200)
                .body(equalTo("run,repetition,config,module,name,value\r\n"));
    }

    @Test
    void unknownCampaignsAre404() {
        String campaign = newCampaign();
        for (String path : List.of("", "/scalars", "/scalars?aggregate=true", "/statistics", "/vectors", "/runs",
                "/parse-errors", "/vectors/0-0/data", "/results.zip", "/runs/0/log", "/runs/0/files")) {
            given().get("/campaigns/" + campaign + path).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("No campaign '" + campaign + "' is known to the results service."));
        }
        given().accept("text/csv").get("/campaigns/{c}/scalars", campaign).then().statusCode(404);
    }

    @Test
    void logsAndFilesOfRunsWithoutResultsAre404() {
        given().get("/campaigns/{c}/runs/99/log", CAMPAIGN).then().statusCode(404)
                .body("detail", equalTo("Run 99 of campaign '" + CAMPAIGN + "' has no stored results."));
        given().get("/campaigns/{c}/runs/99/files", CAMPAIGN).then().statusCode(404);
        String campaign = newCampaign();
        upload(campaign, 0, new Archives().file("a.sca", "version 3\n").tarGz()).statusCode(201);
        given().get("/campaigns/{c}/runs/0/log", campaign).then().statusCode(404)
                .body("detail", containsString("has no .out log"));
    }

    @Test
    void servesARunsLogAsText() {
        given().get("/campaigns/{c}/runs/4/log", CAMPAIGN).then().statusCode(200)
                .contentType(containsString("text/plain")).body(equalTo("run 4 done\n"));
    }

}
