package io.simswarm.scheduler.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.simswarm.docker.DockerClientFactory;
import io.simswarm.docker.DockerClientOptions;
import io.simswarm.docker.DockerEndpoint;
import io.simswarm.scheduler.cluster.ClusterDirectory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One Docker API client per cluster endpoint, created on first use and kept. */
@ApplicationScoped
public class DockerClients {

    /** Swarm calls are short; the paths of {@link SwarmApi} carry their API version. */
    private static final DockerClientOptions OPTIONS = new DockerClientOptions(null, Duration.ofSeconds(10),
            Duration.ofSeconds(60), 32);

    private final ClusterDirectory clusters;
    private final ObjectMapper json;
    private final Map<String, Entry> clients = new ConcurrentHashMap<>();

    public DockerClients(ClusterDirectory clusters, ObjectMapper json) {
        this.clusters = clusters;
        this.json = json;
    }

    /** The Swarm API at {@code dockerHost}; with TLS the certificates come from the provisioner. */
    public SwarmApi of(String cluster, String dockerHost, boolean tls) {
        String host = dockerHost == null || dockerHost.isBlank() ? "unix:///var/run/docker.sock" : dockerHost;
        String key = tls ? cluster + "|" + host : host;
        return clients.computeIfAbsent(key, k -> create(cluster, host, tls)).api();
    }

    private Entry create(String cluster, String host, boolean tls) {
        DockerEndpoint endpoint = new DockerEndpoint(host, tls ? clusters.dockerTls(cluster) : null);
        ApacheDockerHttpClient http = DockerClientFactory.http(endpoint, OPTIONS);
        return new Entry(new SwarmApi(endpoint, http, json), http);
    }

    @PreDestroy
    void close() {
        clients.values().forEach(entry -> {
            try {
                entry.http().close();
            } catch (IOException e) {
                // closing at shutdown; nothing to do
            }
        });
    }

    private record Entry(SwarmApi api, ApacheDockerHttpClient http) {
    }
}
