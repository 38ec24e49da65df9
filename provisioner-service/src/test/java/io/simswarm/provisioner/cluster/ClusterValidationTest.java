package io.simswarm.provisioner.cluster;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.simswarm.provisioner.support.Clusters;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad requests are answered at once with problem+json naming what was wrong; nothing is made in EC2. */
@QuarkusTest
class ClusterValidationTest {

    private static Map<String, Object> aws(Object... pairs) {
        Map<String, Object> body = new HashMap<>(Map.of("name", Clusters.uniqueName("bad"), "provider", "aws"));
        for (int i = 0; i < pairs.length; i += 2) {
            body.put((String) pairs[i], pairs[i + 1]);
        }
        return body;
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/clusters").then()
                .contentType("application/problem+json");
    }

    @Test
    void unknownProvider() {
        post(aws("provider", "gcp")).statusCode(400)
                .body("detail", equalTo("Unknown provider 'gcp': use 'local', 'aws' or 'existing'."));
    }

    @Test
    void negativeWorkers() {
        post(aws("workers", -1)).statusCode(400).body("detail", containsString("workers must be greater than or equal to 0"));
    }

    @Test
    void tooManyWorkers() {
        post(aws("workers", 51)).statusCode(400)
                .body("detail", equalTo("workers must be between 0 and 50 (simswarm.provisioner.max-workers), not 51."));
    }

    @Test
    void unknownRegion() {
        post(aws("region", "mars-north-1")).statusCode(400)
                .body("detail", allOf(containsString("Unknown region 'mars-north-1'"), containsString("us-east-1")));
    }

    @Test
    void unknownInstanceTypeCarriesTheEc2ErrorCode() {
        post(aws("instanceType", "c9.colossal")).statusCode(400)
                .body("detail", allOf(containsString("InvalidInstanceType"), containsString("c9.colossal")));
    }

    @Test
    void unknownManagerInstanceType() {
        post(aws("managerInstanceType", "z1.nothing")).statusCode(400)
                .body("detail", allOf(containsString("InvalidInstanceType"), containsString("z1.nothing")));
    }

    @Test
    void badName() {
        post(aws("name", "Not_A_Name")).statusCode(400).body("detail", containsString("name must be 1 to 40"));
    }

    @Test
    void missingProvider() {
        Map<String, Object> body = aws();
        body.remove("provider");
        post(body).statusCode(400).body("detail", containsString("provider"));
    }

    @Test
    void badCidr() {
        post(aws("sshCidr", "everyone")).statusCode(400)
                .body("detail", equalTo("sshCidr must be an IPv4 CIDR such as 203.0.113.0/24, not 'everyone'."));
    }

    @Test
    void badDockerHost() {
        post(aws("dockerHost", "http://example")).statusCode(400)
                .body("detail", containsString("dockerHost must be a unix:// or tcp:// endpoint"));
    }

    @Test
    void negativeIdleMinutes() {
        post(aws("idleHaltMinutes", -2)).statusCode(400).body("detail", containsString("idleHaltMinutes"));
    }

    @Test
    void resizeWithoutWorkers() {
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/clusters/local/resize")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("workers"));
    }

    @Test
    void unreadableBody() {
        given().contentType(ContentType.JSON).body("{\"name\": \"x\", \"workers\": \"many\"}")
                .when().post("/clusters")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("workers"));
    }

    @Test
    void secretsNeedTheInternalKey() {
        given().when().get("/clusters/local/docker-tls")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("X-SimSwarm-Internal-Key"));
        // a wrong key is a refused credential, whatever else the request carries
        given().header("X-SimSwarm-Internal-Key", "wrong")
                .when().get("/clusters/local/docker-tls")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
