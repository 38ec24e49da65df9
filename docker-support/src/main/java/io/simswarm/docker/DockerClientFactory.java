package io.simswarm.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.SSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import java.net.URI;
import javax.net.ssl.SSLContext;

/**
 * Makes the docker-java clients of every service: plain for {@code unix://} and {@code tcp://} endpoints, mutual TLS
 * for a {@code tcp://} endpoint with {@link TlsMaterial}. The SSL context is built in memory from the PEM strings,
 * so no private key is ever written to disk. Callers keep the clients they make and close them.
 */
public final class DockerClientFactory {

    private DockerClientFactory() {
    }

    /** A docker-java client of {@code endpoint}; closing it closes its connections. */
    public static DockerClient client(DockerEndpoint endpoint, DockerClientOptions options) {
        SSLConfig ssl = ssl(endpoint);
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host())
                .withDockerTlsVerify(ssl != null)
                .withCustomSslConfig(ssl);
        if (options.apiVersion() != null) {
            config.withApiVersion(options.apiVersion());
        }
        return DockerClientImpl.getInstance(config.build(), http(endpoint, ssl, options));
    }

    /**
     * The HTTP client of {@code endpoint} alone, for Engine API calls docker-java's model lacks; request paths
     * carry their API version themselves ({@code /v1.41/...}).
     */
    public static ApacheDockerHttpClient http(DockerEndpoint endpoint, DockerClientOptions options) {
        return http(endpoint, ssl(endpoint), options);
    }

    private static ApacheDockerHttpClient http(DockerEndpoint endpoint, SSLConfig ssl, DockerClientOptions options) {
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(endpoint.host()))
                .sslConfig(ssl)
                .connectionTimeout(options.connectTimeout())
                .maxConnections(options.maxConnections());
        if (options.responseTimeout() != null) {
            http.responseTimeout(options.responseTimeout());
        }
        return http.build();
    }

    /** The endpoint's SSL settings, built once per client; null for a plain endpoint. */
    private static SSLConfig ssl(DockerEndpoint endpoint) {
        if (endpoint.tls() == null) {
            return null;
        }
        SSLContext context = endpoint.tls().sslContext();
        return () -> context;
    }
}
