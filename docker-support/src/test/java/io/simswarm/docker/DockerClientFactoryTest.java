package io.simswarm.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import io.simswarm.docker.support.TlsDockerd;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Clients made by the factory against a real dockerd that requires mutual TLS, as an EC2 cluster's manager does. */
class DockerClientFactoryTest {

    private static final TlsMaterial OTHER_CLUSTER = CertificateAuthority.issue("other", List.of("127.0.0.1"))
            .clientMaterial();

    private static TlsDockerd engine;

    @BeforeAll
    static void startEngine() {
        engine = TlsDockerd.start("factory");
    }

    @AfterAll
    static void stopEngine() {
        engine.close();
    }

    @Test
    void talksToTheEngineWithTheClusterCertificates() throws IOException {
        try (DockerClient docker = DockerClientFactory.client(engine.endpoint(), TlsDockerd.OPTIONS)) {
            docker.pingCmd().exec();

            assertThat(docker.versionCmd().exec().getApiVersion()).isEqualTo("1.41");
            assertThat(docker.infoCmd().exec().getDockerRootDir()).isEqualTo(engine.dataRoot().toString());
        }
    }

    @Test
    void theHttpClientAloneTalksTheSameTls() throws IOException {
        try (DockerHttpClient http = DockerClientFactory.http(engine.endpoint(), TlsDockerd.OPTIONS);
                DockerHttpClient.Response response = http.execute(Request.builder().method(Request.Method.GET)
                        .path("/v1.41/_ping").build())) {
            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("OK");
        }
    }

    @Test
    void everyRequestCarriesTheApiVersionOfTheOptions() throws IOException {
        DockerClientOptions tooOld = new DockerClientOptions("1.11", Duration.ofSeconds(5), null, 1);
        try (DockerClient docker = DockerClientFactory.client(engine.endpoint(), tooOld)) {
            assertThat(catchThrowable(() -> docker.versionCmd().exec()))
                    .hasMessageContaining("client version 1.11 is too old");
        }
    }

    @Test
    void aClientWithoutCertificatesIsRefusedWithAReadableMessage() throws IOException {
        DockerEndpoint plain = DockerEndpoint.plain(engine.host());

        String reason = refusal(plain);

        assertThat(reason).isEqualTo("it accepts only TLS connections with a client certificate, and this client"
                + " sent none (the engine answered: Client sent an HTTP request to an HTTPS server); the cluster's"
                + " certificates are needed (dockerTls)");
    }

    @Test
    void aClientCertificateOfAnotherClusterIsRefused() throws IOException {
        TlsMaterial foreignClient = new TlsMaterial(engine.clientMaterial().caPem(), OTHER_CLUSTER.certPem(),
                OTHER_CLUSTER.keyPem());

        String reason = refusal(new DockerEndpoint(engine.host(), foreignClient));

        assertThat(reason).startsWith("the engine ended the TLS connection (")
                .endsWith("which is how it refuses a client certificate its CA did not issue; are these the"
                        + " certificates of another cluster?");
    }

    @Test
    void anEngineCertificateOfAnotherCaIsNotTrusted() throws IOException {
        TlsMaterial otherCa = new TlsMaterial(OTHER_CLUSTER.caPem(), engine.clientMaterial().certPem(),
                engine.clientMaterial().keyPem());

        String reason = refusal(new DockerEndpoint(engine.host(), otherCa));

        assertThat(reason).startsWith("the engine's certificate is not signed by the CA of the TLS material; are"
                + " these the certificates of another cluster? (").contains("certification path");
    }

    @Test
    void anEngineCertificateForAnotherAddressIsNotTrusted() throws IOException {
        String byName = engine.host().replace("127.0.0.1", "localhost");

        assertThat(refusal(new DockerEndpoint(byName, engine.clientMaterial())))
                .startsWith("the engine's certificate is not made out to this address (").contains("localhost");
    }

    @Test
    void aPlainFailureKeepsItsOwnMessage() throws IOException {
        DockerEndpoint nobody = DockerEndpoint.plain("tcp://127.0.0.1:1");

        assertThat(refusal(nobody)).contains("Connection refused");
        assertThat(refusal(new DockerEndpoint("tcp://127.0.0.1:1", engine.clientMaterial())))
                .contains("Connection refused").doesNotContain("TLS");
    }

    private static String refusal(DockerEndpoint endpoint) throws IOException {
        try (DockerClient docker = DockerClientFactory.client(endpoint, TlsDockerd.OPTIONS)) {
            Throwable failure = catchThrowable(() -> docker.pingCmd().exec());
            assertThat(failure).as("ping of %s", endpoint).isNotNull();
            return DockerErrors.reason(endpoint, failure);
        }
    }
}
