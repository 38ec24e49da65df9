package io.simswarm.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DockerEndpointTest {

    private final TlsMaterial material = CertificateAuthority.issue("unit", List.of("127.0.0.1")).clientMaterial();

    @Test
    void tlsNeedsATcpEndpoint() {
        assertThatThrownBy(() -> new DockerEndpoint("unix:///var/run/docker.sock", material))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("TLS needs a tcp:// endpoint, not unix:///var/run/docker.sock");
    }

    @Test
    void printsNoKey() {
        DockerEndpoint endpoint = new DockerEndpoint("tcp://203.0.113.7:2376", material);

        assertThat(endpoint).hasToString("tcp://203.0.113.7:2376 (TLS)");
        assertThat(material.toString()).doesNotContain("PRIVATE KEY").isEqualTo("TlsMaterial[key hidden]");
    }

    @Test
    void incompleteMaterialSaysWhatIsMissing() {
        assertThatThrownBy(() -> new TlsMaterial(material.caPem(), material.certPem(), null).sslContext())
                .hasMessage("the TLS material lacks its private key");
        assertThatThrownBy(() -> new TlsMaterial(material.caPem(), "not a certificate", material.keyPem())
                .sslContext()).hasMessageStartingWith("the cluster's TLS material cannot be used: ");
    }
}
