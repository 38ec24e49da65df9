package io.simswarm.scheduler.campaign;

import static io.restassured.RestAssured.given;
import static io.simswarm.scheduler.support.TestWorker.finishAfter;
import static io.simswarm.scheduler.support.TestWorker.lease;
import static io.simswarm.scheduler.support.TestWorker.runningCampaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Estimates from earlier runs: after one campaign of examples/queueing's ServiceTime configuration (runs 0-5, their
 * durations as the test worker reports them), the next one's core-hours are predicted within 30 %, and the estimate is
 * kept with the campaign and set against what it took.
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class EstimateTest {

    private static final String FILTER = "0..5";
    private static final double CPUS = 512.0;

    private static Map<String, Object> request(String config, String simArgs) {
        Map<String, Object> body = new HashMap<>(Campaigns.queueing(config));
        body.put("runFilter", FILTER);
        body.put("retries", 0);
        body.put("cpusPerRun", CPUS);
        body.put("maxParallel", 3);
        if (simArgs != null) {
            body.put("simArgs", simArgs);
        }
        return body;
    }

    private static JsonPath estimate(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/campaigns/estimate").then()
                .statusCode(200).extract().jsonPath();
    }

    /** Runs every run of a RUNNING campaign through the test worker, run N taking {@code base + 400 N} ms. */
    private static JsonPath runAll(String id, double factor) {
        for (int i = 0; i < 6; i++) {
            Map<String, String> lease = lease(id);
            int run = Integer.parseInt(lease.get("run"));
            finishAfter(id, lease, Math.round((1000 + 400 * run) * factor)).then().statusCode(204);
            StandIns.publishResultsStored(id, run);
        }
        return Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(30));
    }

    @Test
    void theNextCampaignIsPredictedFromTheFirst() {
        JsonPath none = estimate(request("ServiceTime", "--sim-time-limit=100s"));
        assertThat(none.getInt("basedOnRuns")).isZero();
        assertThat(none.getString("coreHours")).isNull();
        assertThat(none.getList("notes", String.class)).anyMatch(n -> n.startsWith("No earlier run"));

        String first = runningCampaign("ServiceTime", FILTER, 0, Map.of("simArgs", "--sim-time-limit=100s",
                "maxParallel", 3));
        runAll(first, 1.0);

        double expectedCoreHours = (6 * 1000 + 400 * 15) * CPUS / 3_600_000;
        JsonPath estimate = estimate(request("ServiceTime", "--sim-time-limit=100s"));
        assertThat(estimate.getInt("runs")).isEqualTo(6);
        assertThat(estimate.getInt("basedOnRuns")).isEqualTo(6);
        assertThat(estimate.getDouble("coreHours")).isCloseTo(expectedCoreHours, within(1e-3));
        assertThat(estimate.getInt("slots")).isEqualTo(3);
        assertThat(estimate.getDouble("wallSeconds")).as("3,000 + 1,000 / 2,600 + 1,400 / 2,200 + 1,800 ms")
                .isCloseTo(4.0, within(1e-6));
        JsonPath doubled = estimate(request("ServiceTime", "--sim-time-limit=200s"));
        assertThat(doubled.getDouble("coreHours")).as("twice the simulated time")
                .isCloseTo(2 * expectedCoreHours, within(1e-3));

        String second = runningCampaign("ServiceTime", FILTER, 0, Map.of("simArgs", "--sim-time-limit=100s",
                "maxParallel", 3));
        JsonPath ended = runAll(second, 1.2);
        double predicted = ended.getDouble("estimate.coreHours");
        double actual = ended.getDouble("actual.coreHours");
        assertThat(ended.getInt("actual.runs")).isEqualTo(6);
        assertThat(actual).isCloseTo(1.2 * expectedCoreHours, within(1e-3));
        assertThat(Math.abs(predicted - actual) / actual).as("predicted within 30 %").isLessThan(0.3);
    }
}
