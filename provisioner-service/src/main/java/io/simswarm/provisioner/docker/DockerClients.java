package io.simswarm.provisioner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.quarkus.logging.Log;
import io.simswarm.provisioner.config.ProvisionerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One docker-java client per endpoint, reused across calls and closed at shut-down. */
@ApplicationScoped
public class DockerClients {

    private final ProvisionerConfig config;
    private final Map<DockerEndpoint, DockerClient> clients = new ConcurrentHashMap<>();

    public DockerClients(ProvisionerConfig config) {
        this.config = config;
    }

    public DockerClient client(DockerEndpoint endpoint) {
        return clients.computeIfAbsent(endpoint, this::open);
    }

    private DockerClient open(DockerEndpoint endpoint) {
        DefaultDockerClientConfig.Builder settings = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint.host())
                .withDockerTlsVerify(endpoint.tls() != null);
        if (endpoint.tls() != null) {
            settings.withCustomSslConfig(() -> endpoint.tls().sslContext());
        }
        DefaultDockerClientConfig clientConfig = settings.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(URI.create(endpoint.host()))
                .sslConfig(clientConfig.getSSLConfig())
                .connectionTimeout(config.dockerTimeout())
                .responseTimeout(config.dockerTimeout())
                .maxConnections(20)
                .build();
        return DockerClientImpl.getInstance(clientConfig, http);
    }

    @PreDestroy
    void closeAll() {
        clients.values().forEach(client -> {
            try {
                client.close();
            } catch (IOException e) {
                Log.debugf("closing a Docker client failed: %s", e.getMessage());
            }
        });
        clients.clear();
    }
}
