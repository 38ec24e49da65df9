package io.simswarm.scheduler.cluster;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.docker.ClusterEndpoint;
import io.simswarm.docker.DockerTlsUnavailableException;
import io.simswarm.docker.ProvisionerDirectory;
import io.simswarm.docker.TlsMaterial;
import io.simswarm.scheduler.config.SchedulerConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/** The provisioner's answers about a cluster a campaign runs on; see {@link ProvisionerDirectory}. */
@ApplicationScoped
public class ClusterDirectory {

    private final ProvisionerDirectory provisioner;
    private final String provisionerUrl;
    private final ObjectMapper mapper;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ClusterDirectory(SchedulerConfig config, ObjectMapper mapper) {
        this.provisioner = new ProvisionerDirectory(config.provisionerUrl(), config.internalKey(), "the scheduler");
        this.provisionerUrl = config.provisionerUrl().replaceAll("/+$", "");
        this.mapper = mapper;
    }

    /** The cluster's nodes and prices; empty when the provisioner cannot tell (unknown cluster, out of reach). */
    public Optional<ClusterCapacity> capacity(String name) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(provisionerUrl + "/clusters/"
                    + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")))
                    .timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(mapper.readValue(answer.body(), ClusterCapacity.class));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The cluster, ready to run a campaign; 400, 409 or 503 problems otherwise. */
    public ClusterEndpoint readyCluster(String name) {
        ClusterEndpoint cluster = provisioner.cluster(name);
        if (!"READY".equalsIgnoreCase(cluster.state())) {
            throw ApiException.conflict("Cluster '" + name + "' is " + cluster.state()
                    + ", not READY; resume it or choose another cluster.");
        }
        return ProvisionerDirectory.requireEndpoint(name, cluster);
    }

    /**
     * The client certificates of the cluster's Docker endpoint.
     *
     * @throws DockerTlsUnavailableException (an {@link IllegalStateException}) naming why the provisioner did not
     *                                       hand them out
     */
    public TlsMaterial dockerTls(String name) {
        return provisioner.dockerTls(name);
    }
}
