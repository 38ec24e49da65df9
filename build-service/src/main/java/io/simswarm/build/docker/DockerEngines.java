package io.simswarm.build.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.quarkus.logging.Log;
import io.simswarm.build.BuildFailure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One docker-java client per Docker endpoint (unix:// or tcp://). The engine API version is pinned to 1.41
 * (Docker 20.10); docker-java does not negotiate it.
 */
@ApplicationScoped
public class DockerEngines {

    /** Engine API version every request uses. */
    public static final String API_VERSION = "1.41";

    private final Map<String, DockerClient> clients = new ConcurrentHashMap<>();

    /** The client of {@code host}, after checking that the engine answers. */
    public DockerClient reachable(String host) {
        DockerClient client = client(host);
        try {
            client.pingCmd().exec();
            return client;
        } catch (RuntimeException e) {
            throw new BuildFailure("The Docker engine at " + host + " is not reachable: " + reason(e), e);
        }
    }

    public DockerClient client(String host) {
        return clients.computeIfAbsent(host, DockerEngines::create);
    }

    private static DockerClient create(String host) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .withApiVersion(API_VERSION)
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(5))
                .maxConnections(50)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /** The innermost message of a docker-java failure, which usually says what went wrong. */
    static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
        return message.strip();
    }

    @PreDestroy
    void close() {
        clients.values().forEach(client -> {
            try {
                client.close();
            } catch (IOException e) {
                Log.debugf(e, "closing a Docker client failed");
            }
        });
    }
}
