package io.simswarm.scheduler.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.simswarm.events.RunToken;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The test acting as a pilot worker: lease, heartbeat and finish calls with the campaign's lease token. */
public final class TestWorker {

    private static final RunToken TOKENS = new RunToken(StandIns.SECRET);

    private TestWorker() {
    }

    /** A RUNNING campaign of examples/queueing whose real workers cannot be placed (they wait for a node). */
    public static String runningCampaign(String config, String filter, int retries) {
        return runningCampaign(config, filter, retries, Map.of());
    }

    /** {@link #runningCampaign(String, String, int)} with further request fields. */
    public static String runningCampaign(String config, String filter, int retries, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(Campaigns.queueing(config));
        body.putAll(more);
        body.put("runFilter", filter);
        body.put("retries", retries);
        body.put("cpusPerRun", 512.0);
        String id = Campaigns.submit(body);
        Campaigns.awaitStatus(id, "RUNNING", Duration.ofSeconds(120));
        return id;
    }

    public static Response leaseResponse(String id) {
        return leaseResponseAs(id, "test-worker");
    }

    /** A lease request of the worker named {@code worker}. */
    public static Response leaseResponseAs(String id, String worker) {
        return given().header("Authorization", "Bearer " + TOKENS.signCampaign(id)).header("X-Worker", worker)
                .when().post("/campaigns/" + id + "/leases");
    }

    public static Map<String, String> lease(String id) {
        return fields(leaseResponse(id).then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString());
    }

    /** The key-value lines of a lease. */
    public static Map<String, String> fields(String text) {
        Map<String, String> fields = new HashMap<>();
        text.lines().forEach(line -> {
            int space = line.indexOf(' ');
            fields.put(line.substring(0, space), line.substring(space + 1));
        });
        assertThat(fields).containsKey("lease");
        return fields;
    }

    public static Response heartbeat(String id, Map<String, String> lease) {
        return given().header("Authorization", "Bearer " + TOKENS.signCampaign(id))
                .when().post("/campaigns/" + id + "/leases/" + lease.get("lease") + "/heartbeat");
    }

    public static Response finish(String id, Map<String, String> lease, int exitCode, String upload, String tail) {
        return given().header("Authorization", "Bearer " + TOKENS.signCampaign(id))
                .header("X-Exit-Code", exitCode).header("X-Duration-Ms", 1234).header("X-Upload", upload)
                .contentType("text/plain; charset=utf-8").body(tail)
                .when().post("/campaigns/" + id + "/leases/" + lease.get("lease") + "/finish");
    }

    /** A finish call of a run the worker stopped because it was asked to stop (X-Stopped). */
    public static Response finishStopped(String id, Map<String, String> lease) {
        return given().header("Authorization", "Bearer " + TOKENS.signCampaign(id))
                .header("X-Exit-Code", 143).header("X-Duration-Ms", 900).header("X-Upload", "skipped")
                .header("X-Stopped", "1").contentType("text/plain; charset=utf-8")
                .body("simswarm-runner: the runner was asked to stop: terminating the run")
                .when().post("/campaigns/" + id + "/leases/" + lease.get("lease") + "/finish");
    }

    /** A finish call of a run that took {@code durationMs} and uploaded its results. */
    public static Response finishAfter(String id, Map<String, String> lease, long durationMs) {
        return given().header("Authorization", "Bearer " + TOKENS.signCampaign(id))
                .header("X-Exit-Code", 0).header("X-Duration-Ms", durationMs).header("X-Upload", "ok")
                .contentType("text/plain; charset=utf-8").body("End.")
                .when().post("/campaigns/" + id + "/leases/" + lease.get("lease") + "/finish");
    }

    public static Response finishAskingNext(String id, Map<String, String> lease, int exitCode, String upload) {
        return given().header("Authorization", "Bearer " + TOKENS.signCampaign(id)).header("X-Worker", "test-worker")
                .header("X-Exit-Code", exitCode).header("X-Duration-Ms", 10).header("X-Upload", upload)
                .header("X-Next-Lease", "1").contentType("text/plain; charset=utf-8").body("End.")
                .when().post("/campaigns/" + id + "/leases/" + lease.get("lease") + "/finish");
    }

    /** A lease request of a worker that can take up to {@code max} runs in one answer. */
    public static Response leaseResponse(String id, int max) {
        return given().header("Authorization", "Bearer " + TOKENS.signCampaign(id)).header("X-Worker", "test-worker")
                .header("X-Lease-Max", max).when().post("/campaigns/" + id + "/leases");
    }

    /** The leases of a lease answer, one map of key-value lines per block. */
    public static List<Map<String, String>> batch(String text) {
        return Arrays.stream(text.split("\n\n")).map(TestWorker::fields).toList();
    }

    /** Reports the success of several leases in one call; {@code max} 0 asks for no next lease. */
    public static Response finishBatch(String id, List<Map<String, String>> leases, int max) {
        String report = leases.stream().map(l -> l.get("lease") + " 0 12 ok\n").collect(Collectors.joining());
        RequestSpecification call = given().header("Authorization", "Bearer " + TOKENS.signCampaign(id))
                .header("X-Worker", "test-worker").contentType("text/plain; charset=utf-8").body(report);
        if (max > 0) {
            call = call.header("X-Next-Lease", "1").header("X-Lease-Max", max);
        }
        return call.when().post("/campaigns/" + id + "/leases/finished");
    }

    public static JsonPath runs(String id) {
        return given().when().get("/campaigns/" + id + "/runs").then().statusCode(200).extract().jsonPath();
    }
}
