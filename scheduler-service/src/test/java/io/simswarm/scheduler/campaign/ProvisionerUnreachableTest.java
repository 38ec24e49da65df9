package io.simswarm.scheduler.campaign;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A submission while the provisioner cannot be reached is answered 503, naming its URL. */
@QuarkusTest
@TestProfile(ProvisionerUnreachableTest.NoProvisioner.class)
class ProvisionerUnreachableTest {

    /** The provisioner URL points at a port nothing listens on. */
    public static class NoProvisioner implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("simswarm.scheduler.provisioner-url", "http://127.0.0.1:9");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    void answers503NamingTheProvisioner() {
        given().contentType(ContentType.JSON).body(Map.of("repoUrl", "file:///nowhere", "config", "MM1"))
                .when().post("/campaigns")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("The provisioner at http://127.0.0.1:9 cannot be reached to look up"
                        + " cluster 'local'."));
    }
}
