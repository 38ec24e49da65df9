package io.simswarm.provisioner.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cluster named local: this machine's engine, present from start-up, never changed by the provisioner. */
@QuarkusTest
class LocalClusterTest {

    @Test
    void isListedWithItsNodeOnAFreshStart() {
        given().when().get("/clusters")
                .then().statusCode(200)
                .body("name", hasItem("local"))
                .body("find { it.name == 'local' }.provider", equalTo("local"))
                .body("find { it.name == 'local' }.state", equalTo("READY"))
                .body("find { it.name == 'local' }.nodes.size()", greaterThan(0));
    }

    @Test
    void reportsTheLocalEngineAndItsSwarmNodes() {
        given().when().get("/clusters/local")
                .then().statusCode(200)
                .body("provider", equalTo("local"))
                .body("state", equalTo("READY"))
                .body("failureReason", nullValue())
                .body("dockerHost", equalTo("unix:///var/run/docker.sock"))
                .body("dockerTls", equalTo(false))
                .body("nodesError", nullValue())
                .body("nodes.find { it.role == 'manager' }.state", equalTo("ready"))
                .body("nodes.find { it.role == 'manager' }.availability", equalTo("active"))
                .body("nodes.find { it.role == 'manager' }.cpus", greaterThan(0f))
                .body("nodes.find { it.role == 'manager' }.memoryBytes", greaterThan(0L))
                .body("nodes.find { it.role == 'manager' }.hostname", containsString(""))
                .body("nodes.find { it.role == 'manager' }.address", equalTo("127.0.0.1"))
                .body("pricePerHour", nullValue())
                .body("spotPricePerHour", nullValue())
                .body("managerPricePerHour", nullValue());
    }

    @Test
    void cannotBeDeleted() {
        given().when().delete("/clusters/local")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("'local' is this machine's Docker engine and cannot be deleted"));
        given().when().get("/clusters/local").then().statusCode(200).body("state", equalTo("READY"));
    }

    @Test
    void cannotBeResizedHaltedOrResumed() {
        given().contentType(ContentType.JSON).body(Map.of("workers", 3))
                .when().post("/clusters/local/resize")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("cannot be resized"));
        given().when().post("/clusters/local/halt")
                .then().statusCode(409).body("detail", containsString("cannot be halted"));
        given().when().post("/clusters/local/resume")
                .then().statusCode(409).body("detail", containsString("cannot be resumed"));
    }

    @Test
    void aSecondLocalClusterIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("name", "local", "provider", "local"))
                .when().post("/clusters")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("exists already"));
        given().contentType(ContentType.JSON).body(Map.of("name", "mine", "provider", "local"))
                .when().post("/clusters")
                .then().statusCode(400)
                .body("detail", containsString("only one local cluster"));
        given().when().get("/clusters/mine").then().statusCode(404);
    }

    @Test
    void hasNoTlsMaterial() {
        given().header("X-SimSwarm-Internal-Key", "test-internal-key")
                .when().get("/clusters/local/docker-tls")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("has no TLS endpoint"));
    }

    @Test
    void unknownClusterIsNotFound() {
        given().when().get("/clusters/no-such-cluster")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("There is no cluster named 'no-such-cluster'."));
        given().when().get("/clusters/no-such-cluster/cost").then().statusCode(404);
        given().when().delete("/clusters/no-such-cluster").then().statusCode(404);
        given().when().post("/clusters/no-such-cluster/halt").then().statusCode(404);
    }

    @Test
    void localCostIsEmpty() {
        given().when().get("/clusters/local/cost")
                .then().statusCode(200)
                .body("cluster", equalTo("local"))
                .body("lines", hasSize(0))
                .body("estimate", equalTo(0f));
    }
}
