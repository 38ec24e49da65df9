package io.simswarm.imagebuild.support;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** REST helpers for tests: submit a build, wait for it to finish. */
public final class Builds {

    /** Longest a test waits for a build (the machine is shared and slow while others test too). */
    public static final Duration PATIENCE = Duration.ofMinutes(10);

    private Builds() {
    }

    /** POSTs {@code body} to /builds and returns the new build's id. */
    public static String submit(Map<String, ?> body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/builds")
                .then().statusCode(202)
                .extract().path("id");
    }

    /** Waits until the build is SUCCEEDED or FAILED and returns it. */
    public static JsonPath awaitFinished(String id) {
        return await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(() -> given().when().get("/builds/" + id).then().statusCode(200).extract().jsonPath(),
                        build -> Set.of("SUCCEEDED", "FAILED").contains(build.getString("status")));
    }

    public static String log(String id) {
        return given().when().get("/builds/" + id + "/log").then().statusCode(200).extract().asString();
    }
}
