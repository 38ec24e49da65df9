package io.simswarm.scheduler.docker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.cluster.ClusterDirectory;
import io.simswarm.scheduler.cluster.DockerTls;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One Docker API client per cluster endpoint, created on first use and kept. */
@ApplicationScoped
public class DockerClients {

    private final ClusterDirectory clusters;
    private final ObjectMapper json;
    private final Map<String, Entry> clients = new ConcurrentHashMap<>();

    public DockerClients(ClusterDirectory clusters, ObjectMapper json) {
        this.clusters = clusters;
        this.json = json;
    }

    /** The Swarm API of the campaign's cluster. */
    public SwarmApi of(Campaign campaign) {
        return of(campaign.cluster, campaign.dockerHost, campaign.dockerTls);
    }

    /** The Swarm API at {@code dockerHost}; with TLS the certificates come from the provisioner. */
    public SwarmApi of(String cluster, String dockerHost, boolean tls) {
        String host = dockerHost == null || dockerHost.isBlank() ? "unix:///var/run/docker.sock" : dockerHost;
        String key = tls ? cluster + "|" + host : host;
        return clients.computeIfAbsent(key, k -> create(cluster, host, tls)).api();
    }

    private Entry create(String cluster, String host, boolean tls) {
        DefaultDockerClientConfig.Builder config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host)
                .withDockerTlsVerify(tls);
        if (tls) {
            config.withDockerCertPath(writeCertificates(cluster, clusters.dockerTls(cluster)).toString());
        }
        DefaultDockerClientConfig built = config.build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(built.getDockerHost())
                .sslConfig(built.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(10))
                .responseTimeout(Duration.ofSeconds(60))
                .build();
        return new Entry(new SwarmApi(host, http, json), http);
    }

    private static Path writeCertificates(String cluster, DockerTls tls) {
        try {
            Path dir = Files.createTempDirectory("simswarm-docker-tls-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            dir.toFile().deleteOnExit();
            for (String[] file : new String[][] {{"ca.pem", tls.ca()}, {"cert.pem", tls.cert()},
                    {"key.pem", tls.key()}}) {
                Path pem = dir.resolve(file[0]);
                Files.writeString(pem, file[1]);
                pem.toFile().deleteOnExit();
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the Docker TLS certificates of cluster " + cluster, e);
        }
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
