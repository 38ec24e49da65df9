package io.simswarm.provisioner.existing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.simswarm.provisioner.support.Clusters;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A swarm made elsewhere, registered with provider {@code existing}: here this machine's own engine (a real swarm
 * manager) and an endpoint where no engine answers. Its machines are never touched: it cannot be resized, halted or
 * resumed, and deleting it only forgets it.
 */
@QuarkusTest
class ExistingSwarmTest {

    private static final String LOCAL_ENGINE = "unix:///var/run/docker.sock";

    private static Map<String, Object> existing(String name, Object... pairs) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "provider", "existing"));
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    @Test
    void aManagersEndpointBecomesAReadyClusterWithItsNodesAndRegistry() {
        String name = Clusters.uniqueName("ex");
        try {
            Clusters.create(existing(name, "dockerHost", LOCAL_ENGINE, "registry", "10.235.0.1:5050"));
            JsonPath ready = Clusters.awaitState(name, "READY");
            assertThat(ready.getString("provider")).isEqualTo("existing");
            assertThat(ready.getString("dockerHost")).isEqualTo(LOCAL_ENGINE);
            assertThat(ready.getBoolean("dockerTls")).isFalse();
            assertThat(ready.getString("registry")).isEqualTo("10.235.0.1:5050");
            assertThat(ready.getList("nodes.state")).contains("ready");
            assertThat(ready.getList("nodes.role")).contains("manager");

            for (String action : new String[] {"halt", "resume"}) {
                given().post("/clusters/{name}/{action}", name, action).then().statusCode(409)
                        .contentType("application/problem+json")
                        .body("detail", containsString("is an existing swarm, whose machines SimSwarm does not manage"));
            }
            given().contentType(ContentType.JSON).body(Map.of("workers", 3)).post("/clusters/{name}/resize", name)
                    .then().statusCode(409).body("detail", containsString("cannot be resized here"));

            given().delete("/clusters/{name}", name).then().statusCode(202);
            Clusters.awaitState(name, "DELETED");
            assertThat(Clusters.get("local").getString("state")).as("the engine's swarm is left as it was")
                    .isEqualTo("READY");
        } finally {
            Clusters.deleteQuietly(name);
        }
    }

    @Test
    void anEndpointWhereNoEngineAnswersFailsWithTheReason() {
        String name = Clusters.uniqueName("ex");
        try {
            Clusters.create(existing(name, "dockerHost", "unix:///run/no-such-engine.sock"));
            JsonPath failed = Clusters.awaitState(name, "FAILED");
            assertThat(failed.getString("failureReason")).isEqualTo("CREATING failed: the Docker engine at "
                    + "unix:///run/no-such-engine.sock cannot be reached (No such file or directory)");
        } finally {
            Clusters.deleteQuietly(name);
        }
    }

    @Test
    void badRegistrationsAreAnsweredWithASentence() {
        String name = Clusters.uniqueName("ex");
        post(existing(name)).statusCode(400).body("detail", containsString("An existing swarm needs dockerHost"));
        post(existing(name, "dockerHost", "http://manager:2375")).statusCode(400)
                .body("detail", equalTo("dockerHost must be a unix:// or tcp:// endpoint, not 'http://manager:2375'."));
        post(existing(name, "dockerHost", LOCAL_ENGINE, "workers", 2, "spot", true)).statusCode(400)
                .body("detail", equalTo("workers, spot are for aws clusters only: an existing swarm keeps the "
                        + "machines it has."));
        post(existing(name, "dockerHost", LOCAL_ENGINE, "registry", "not a registry")).statusCode(400)
                .body("detail", containsString("registry"));
        post(Map.of("name", name, "provider", "aws", "registry", "r:5000")).statusCode(400)
                .body("detail", containsString("registry is for existing swarms only"));
        given().get("/clusters/{name}", name).then().statusCode(404);
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/clusters").then()
                .contentType("application/problem+json");
    }
}
