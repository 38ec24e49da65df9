package io.simswarm.scheduler.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Submitting and following campaigns over the REST API in tests. */
public final class Campaigns {

    private Campaigns() {
    }

    /** A request for {@code config} of examples/queueing, built by the build stand-in. */
    public static Map<String, Object> queueing(String config) {
        Map<String, Object> body = new HashMap<>();
        body.put("repoUrl", StandIns.REPO + "queueing");
        body.put("config", config);
        body.put("runCommand", "./queueing");
        body.put("maxParallel", 2);
        body.put("retries", 1);
        body.put("runTimeoutSeconds", 120);
        body.put("cpusPerRun", 0.5);
        return body;
    }

    /** Submits and returns the new campaign's id. */
    public static String submit(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/campaigns")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static JsonPath get(String id) {
        return given().when().get("/campaigns/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the campaign has {@code status} and returns it then. */
    public static JsonPath awaitStatus(String id, String status, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(250))
                .until(() -> status.equals(get(id).getString("status")));
        return get(id);
    }
}
