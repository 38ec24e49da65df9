package io.simswarm.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.docker.CertificateAuthority.ClusterCertificates;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {

    private final ClusterCertificates certificates = CertificateAuthority.issue("unit",
            List.of("203.0.113.7", "127.0.0.1", "localhost"));

    @Test
    void serverCertificateNamesTheManagerAddresses() throws Exception {
        X509Certificate server = TlsMaterial.certificate(certificates.serverCertPem());
        server.verify(TlsMaterial.certificate(certificates.caCertPem()).getPublicKey());
        assertThat(server.getSubjectAlternativeNames()).extracting(name -> name.get(1).toString())
                .containsExactlyInAnyOrder("203.0.113.7", "127.0.0.1", "localhost");
        assertThat(server.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(TlsMaterial.certificate(certificates.caCertPem()).getBasicConstraints()).isZero();
    }

    @Test
    void keysArePkcs8() {
        assertThat(certificates.clientKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(certificates.serverKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void mutualTlsHandshakeSucceedsWithTheClientMaterial() throws Exception {
        try (SSLServerSocket server = serverSocket(true)) {
            CompletableFuture<Integer> served = serveOneByte(server);
            try (SSLSocket client = (SSLSocket) certificates.clientMaterial().sslContext().getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                client.getOutputStream().write(42);
                client.getOutputStream().flush();
                assertThat(client.getInputStream().read()).isEqualTo(43);
            }
            assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo(42);
        }
    }

    @Test
    void aClientOfAnotherClusterIsRejected() throws Exception {
        TlsMaterial stranger = CertificateAuthority.issue("other", List.of("127.0.0.1")).clientMaterial();
        try (SSLServerSocket server = serverSocket(true)) {
            serveOneByte(server);
            assertThatThrownBy(() -> {
                try (SSLSocket client = (SSLSocket) stranger.sslContext().getSocketFactory()
                        .createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                    client.startHandshake();
                    client.getOutputStream().write(1);
                    client.getInputStream().read();
                }
            }).isInstanceOfAny(SSLHandshakeException.class, java.io.IOException.class);
        }
    }

    private SSLServerSocket serverSocket(boolean needClientAuth) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", TlsMaterial.privateKey(certificates.serverKeyPem()), "x".toCharArray(),
                new Certificate[] {TlsMaterial.certificate(certificates.serverCertPem())});
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, "x".toCharArray());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", TlsMaterial.certificate(certificates.caCertPem()));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trust.getTrustManagers(), null);
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        socket.setNeedClientAuth(needClientAuth);
        return socket;
    }

    private static CompletableFuture<Integer> serveOneByte(SSLServerSocket server) {
        return CompletableFuture.supplyAsync(() -> {
            try (var accepted = server.accept()) {
                InputStream in = accepted.getInputStream();
                int value = in.read();
                OutputStream out = accepted.getOutputStream();
                out.write(value + 1);
                out.flush();
                return value;
            } catch (java.io.IOException e) {
                return -1;
            }
        });
    }
}
