package io.simswarm.provisioner.docker;

import com.github.dockerjava.api.DockerClient;
import io.quarkus.logging.Log;
import io.simswarm.docker.DockerClientFactory;
import io.simswarm.docker.DockerClientOptions;
import io.simswarm.docker.DockerEndpoint;
import io.simswarm.provisioner.config.ProvisionerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One docker-java client per endpoint (host and TLS material), reused across calls and closed at shut-down. */
@ApplicationScoped
public class DockerClients {

    private final DockerClientOptions options;
    private final Map<DockerEndpoint, DockerClient> clients = new ConcurrentHashMap<>();

    public DockerClients(ProvisionerConfig config) {
        this.options = new DockerClientOptions(null, config.dockerTimeout(), config.dockerTimeout(), 20);
    }

    public DockerClient client(DockerEndpoint endpoint) {
        return clients.computeIfAbsent(endpoint, e -> DockerClientFactory.client(e, options));
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
