package io.simswarm.provisioner.aws;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Without any AWS credentials, creating an EC2 cluster is answered with what to set. */
@QuarkusTest
@TestProfile(MissingCredentialsTest.NoCredentials.class)
class MissingCredentialsTest {

    /** No static keys; the default chain finds nothing (no shared files, no instance metadata). */
    public static class NoCredentials implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("simswarm.provisioner.aws.access-key-id", "",
                    "simswarm.provisioner.aws.secret-access-key", "");
        }
    }

    @BeforeAll
    static void noSharedFilesNorInstanceMetadata() {
        System.setProperty("aws.sharedCredentialsFile", "/nonexistent/simswarm-test/credentials");
        System.setProperty("aws.configFile", "/nonexistent/simswarm-test/config");
        System.setProperty("aws.disableEc2Metadata", "true");
    }

    @Test
    void answersWithTheSettingsToMake() {
        given().contentType(ContentType.JSON).body(Map.of("name", "nocreds", "provider", "aws"))
                .when().post("/clusters")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", allOf(containsString("No AWS credentials found"),
                        containsString("AWS_ACCESS_KEY_ID"), containsString("AWS_SECRET_ACCESS_KEY"),
                        containsString("AWS_PROFILE")));
        given().when().get("/clusters/nocreds").then().statusCode(404);
    }
}
