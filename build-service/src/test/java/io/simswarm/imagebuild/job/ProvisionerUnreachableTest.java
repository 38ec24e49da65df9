package io.simswarm.imagebuild.job;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.simswarm.imagebuild.support.Builds;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cluster's endpoint or certificates cannot be had while the provisioner cannot be reached; both say so. */
@QuarkusTest
@TestProfile(ProvisionerUnreachableTest.NoProvisioner.class)
class ProvisionerUnreachableTest {

    /** The provisioner URL points at a port nothing listens on. */
    public static class NoProvisioner implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("simswarm.build.provisioner-url", "http://127.0.0.1:9");
        }
    }

    @Test
    void aClusterCannotBeLookedUp() {
        given().contentType(ContentType.JSON).body(Map.of("repoUrl", "file:///srv/git/x.git", "cluster", "aws"))
                .when().post("/builds")
                .then().statusCode(503).contentType("application/problem+json")
                .body("detail", equalTo("The provisioner at http://127.0.0.1:9 cannot be reached to look up cluster"
                        + " 'aws'."));
    }

    @Test
    void theCertificatesOfATlsEndpointCannotBeFetched() {
        JsonPath build = Builds.awaitFinished(Builds.submit(Map.of("repoUrl", "file:///srv/git/x.git", "cluster",
                "aws", "dockerHost", "tcp://127.0.0.1:2376", "dockerTls", true)));

        assertThat(build.getString("status")).isEqualTo("FAILED");
        assertThat(build.getString("error")).isEqualTo("The Docker TLS certificates of cluster 'aws' cannot be"
                + " fetched: the provisioner at http://127.0.0.1:9 cannot be reached");
    }
}
