package io.simswarm.provisioner.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** REST helpers for the cluster tests. */
public final class Clusters {

    private Clusters() {
    }

    /** A fresh cluster name, unique across test runs. */
    public static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static JsonPath create(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/clusters")
                .then().statusCode(202).extract().jsonPath();
    }

    public static JsonPath get(String name) {
        return given().when().get("/clusters/" + name).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the cluster is in {@code state}; fails at once if it becomes FAILED instead. */
    public static JsonPath awaitState(String name, String state) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
            JsonPath cluster = get(name);
            String now = cluster.getString("state");
            if ("FAILED".equals(now) && !"FAILED".equals(state)) {
                throw new AssertionError("cluster " + name + " FAILED: " + cluster.getString("failureReason"));
            }
            return state.equals(now);
        });
        return get(name);
    }

    /** Deletes the cluster unless it is gone already, so a failed test leaves nothing in moto. */
    public static void deleteQuietly(String name) {
        try {
            String state = given().when().get("/clusters/" + name).then().extract().path("state");
            if (state == null || "DELETED".equals(state)) {
                return;
            }
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
                given().when().delete("/clusters/" + name);
                return "DELETED".equals(given().when().get("/clusters/" + name).then().extract().path("state"));
            });
        } catch (RuntimeException | AssertionError e) {
            System.err.println("could not delete cluster " + name + ": " + e);
        }
    }

    public static void post(String name, String action, Object body, int status) {
        var request = given().contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        request.when().post("/clusters/" + name + "/" + action).then().statusCode(status);
    }
}
