package io.simswarm.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.commons.problem.ApiException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvisionerDirectoryTest {

    private static final String URL = "http://provisioner:8081";
    private static final ClusterEndpoint READY = new ClusterEndpoint("aws", "READY", "tcp://10.0.0.5:2376", true,
            "10.0.0.5:5000");
    private static final TlsMaterial MATERIAL = new TlsMaterial("ca", "cert", "key");

    private final List<String> keysSent = new ArrayList<>();

    @Test
    void aKnownClusterIsTheProvisionersAnswer() {
        assertThat(directory(answering(READY)).cluster("aws")).isEqualTo(READY);
        assertThat(directory(answering(READY)).endpointOf("aws")).isEqualTo(READY);
    }

    @Test
    void aClusterTheProvisionerDoesNotKnowIsABadRequest() {
        assertThatThrownBy(() -> directory(failing(new WebApplicationException(404))).endpointOf("nowhere"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessage("Cluster 'nowhere' is not known to the provisioner at http://provisioner:8081.");
    }

    @Test
    void anotherAnswerOfTheProvisionerMakesTheLookupUnavailable() {
        assertThatThrownBy(() -> directory(failing(new WebApplicationException(500))).cluster("aws"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessage("The provisioner at http://provisioner:8081 answered HTTP 500 when asked for cluster"
                        + " 'aws'.");
    }

    @Test
    void aProvisionerThatCannotBeReachedMakesTheLookupUnavailable() {
        assertThatThrownBy(() -> directory(failing(unreachable())).cluster("aws"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessage("The provisioner at http://provisioner:8081 cannot be reached to look up cluster 'aws'.");
    }

    @Test
    void aClusterWithoutDockerEndpointIsAConflict() {
        for (String host : new String[] {null, " "}) {
            ProvisionerDirectory directory = directory(answering(new ClusterEndpoint("booting", "CREATING", host,
                    false, null)));

            assertThat(directory.cluster("booting").dockerHost()).isEqualTo(host);
            assertThatThrownBy(() -> directory.endpointOf("booting"))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(409))
                    .hasMessage("Cluster 'booting' has no Docker endpoint yet.");
        }
    }

    @Test
    void theCertificatesAreAskedForWithTheInternalKey() {
        assertThat(directory(answering(READY)).dockerTls("aws")).isSameAs(MATERIAL);
        assertThat(keysSent).containsExactly("internal-key");
    }

    @Test
    void certificatesRefusedForTheKeyNameTheKeyOfTheCaller() {
        assertThatThrownBy(() -> directory(failing(new WebApplicationException(403))).dockerTls("foreign"))
                .isInstanceOf(DockerTlsUnavailableException.class)
                .hasMessage("The provisioner at http://provisioner:8081 refused the Docker TLS certificates of cluster"
                        + " 'foreign' (HTTP 403): the build service's internal key (SIMSWARM_INTERNAL_KEY) is not the"
                        + " provisioner's");
    }

    @Test
    void certificatesOfAClusterTheProvisionerDoesNotKnowSaySo() {
        assertThatThrownBy(() -> directory(failing(new WebApplicationException(404))).dockerTls("gone"))
                .isInstanceOf(DockerTlsUnavailableException.class)
                .hasMessage("The provisioner at http://provisioner:8081 refused the Docker TLS certificates of cluster"
                        + " 'gone' (HTTP 404): it knows no such cluster, or the cluster's Docker API needs no TLS");
    }

    @Test
    void certificatesRefusedOtherwiseNameTheStatus() {
        assertThatThrownBy(() -> directory(failing(new WebApplicationException(500))).dockerTls("aws"))
                .isInstanceOf(DockerTlsUnavailableException.class)
                .hasMessage("The provisioner at http://provisioner:8081 refused the Docker TLS certificates of cluster"
                        + " 'aws' (HTTP 500)");
    }

    @Test
    void certificatesCannotBeFetchedFromAProvisionerThatCannotBeReached() {
        assertThatThrownBy(() -> directory(failing(unreachable())).dockerTls("aws"))
                .isInstanceOf(DockerTlsUnavailableException.class)
                .hasMessage("The Docker TLS certificates of cluster 'aws' cannot be fetched: the provisioner at"
                        + " http://provisioner:8081 cannot be reached");
    }

    private static ProvisionerDirectory directory(ProvisionerClient provisioner) {
        return new ProvisionerDirectory(URL, "internal-key", "the build service", provisioner);
    }

    private static ProcessingException unreachable() {
        return new ProcessingException(new ConnectException("Connection refused"));
    }

    /** A provisioner that knows {@code cluster} and hands out {@link #MATERIAL} for it. */
    private ProvisionerClient answering(ClusterEndpoint cluster) {
        return new StandIn(cluster, null);
    }

    /** A provisioner whose every call fails with {@code failure}. */
    private ProvisionerClient failing(RuntimeException failure) {
        return new StandIn(null, failure);
    }

    private final class StandIn implements ProvisionerClient {

        private final ClusterEndpoint cluster;
        private final RuntimeException failure;

        StandIn(ClusterEndpoint cluster, RuntimeException failure) {
            this.cluster = cluster;
            this.failure = failure;
        }

        @Override
        public ClusterEndpoint cluster(String name, String key) {
            failIfSo();
            return cluster;
        }

        @Override
        public TlsMaterial dockerTls(String name, String key) {
            failIfSo();
            keysSent.add(key);
            return MATERIAL;
        }

        private void failIfSo() {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
