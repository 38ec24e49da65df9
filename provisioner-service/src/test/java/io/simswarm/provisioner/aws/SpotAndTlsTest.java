package io.simswarm.provisioner.aws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.docker.TlsMaterial;
import io.simswarm.provisioner.support.Clusters;
import io.simswarm.provisioner.support.Moto;
import java.security.cert.X509Certificate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * A spot cluster: its instances are spot instances in EC2, its cost is priced with the spot factor, and its Docker
 * TLS client material is handed to internal callers only.
 */
@QuarkusTest
class SpotAndTlsTest {

    private static final String TLS_ENDPOINT = "tcp://127.0.0.1:9";

    @Test
    void spotClusterWithTlsMaterial() throws Exception {
        String name = Clusters.uniqueName("spot");
        try {
            // a TLS endpoint on loopback where nothing listens: the moto Elastic IP is no address to connect to
            Clusters.create(Map.of("name", name, "provider", "aws", "workers", 0, "spot", true,
                    "managerInstanceType", "c5.large", "idleHaltMinutes", 0, "dockerHost", TLS_ENDPOINT));
            JsonPath creating = Clusters.get(name);
            assertThat(creating.getBoolean("spot")).isTrue();

            // no Docker API answers there, so the cluster cannot become READY; its EC2 side can
            org.awaitility.Awaitility.await().until(() -> Moto.instances(name, "manager", "running").size() == 1
                    && given().header("X-SimSwarm-Internal-Key", "test-internal-key")
                            .when().get("/clusters/" + name + "/docker-tls").statusCode() == 200);
            Instance manager = Moto.instances(name, "manager", "running").get(0);
            assertThat(manager.instanceLifecycleAsString()).isEqualTo("spot");
            JsonPath cluster = Clusters.get(name);
            assertThat(cluster.getString("dockerHost")).isEqualTo(TLS_ENDPOINT);
            assertThat(cluster.getBoolean("dockerTls")).isTrue();
            assertThat(cluster.getString("nodesError")).contains(TLS_ENDPOINT);
            assertThat(Moto.EC2.describeAddresses(r -> r.filters(Moto.clusterTag(name))).addresses().get(0)
                    .instanceId()).isEqualTo(manager.instanceId());

            JsonPath tls = given().header("X-SimSwarm-Internal-Key", "test-internal-key")
                    .when().get("/clusters/" + name + "/docker-tls")
                    .then().statusCode(200).extract().jsonPath();
            X509Certificate ca = TlsMaterial.certificate(tls.getString("caPem"));
            X509Certificate client = TlsMaterial.certificate(tls.getString("certPem"));
            client.verify(ca.getPublicKey());
            assertThat(client.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.2");
            assertThat(TlsMaterial.privateKey(tls.getString("keyPem")).getAlgorithm()).isEqualTo("EC");
            assertThat(new TlsMaterial(tls.getString("caPem"), tls.getString("certPem"), tls.getString("keyPem"))
                    .sslContext()).isNotNull();
            given().header("X-SimSwarm-Internal-Key", "test-internal-key")
                    .when().get("/clusters/" + name + "/ssh-key")
                    .then().statusCode(404).body("detail", containsString("created without sshCidr"));
            given().when().get("/clusters/" + name + "/docker-tls")
                    .then().statusCode(403).body("detail", containsString("X-SimSwarm-Internal-Key"));

            JsonPath cost = given().when().get("/clusters/" + name + "/cost").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(cost.getBoolean("lines[0].spot")).isTrue();
            assertThat(cost.getDouble("lines[0].pricePerHour")).isCloseTo(0.085 * 0.35,
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(cost.getList("unpriced")).isEmpty();

            // deleting interrupts the create, which waits in vain for the manager's Docker API
            given().when().delete("/clusters/" + name).then().statusCode(202)
                    .body("state", org.hamcrest.Matchers.equalTo("DELETING"));
            Clusters.awaitState(name, "DELETED");
        } finally {
            Clusters.deleteQuietly(name);
        }
        assertThat(Moto.instances(name)).extracting(i -> i.state().nameAsString()).containsOnly("terminated");
        assertThat(Moto.EC2.describeSpotInstanceRequests(r -> r.filters(
                software.amazon.awssdk.services.ec2.model.Filter.builder().name("instance-id")
                        .values(Moto.instances(name).stream().map(Instance::instanceId).toList()).build()))
                .spotInstanceRequests()).extracting(request -> request.stateAsString())
                .doesNotContain("open", "active");
        AwsLifecycleTest.assertNothingTaggedLeft(name);
    }
}
