package io.simswarm.scheduler.cluster;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.docker.ClusterEndpoint;
import io.simswarm.docker.ProvisionerClient;
import io.simswarm.docker.TlsMaterial;
import io.simswarm.scheduler.config.SchedulerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Looks clusters up at the provisioner and turns its answers into sentences a user understands. */
@ApplicationScoped
public class ClusterDirectory {

    private final SchedulerConfig config;
    private final ProvisionerClient client;

    public ClusterDirectory(SchedulerConfig config) {
        this.config = config;
        this.client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.provisionerUrl()))
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build(ProvisionerClient.class);
    }

    /** The cluster, ready to run a campaign; 400, 409 or 503 problems otherwise. */
    public ClusterEndpoint readyCluster(String name) {
        ClusterEndpoint cluster = lookup(name);
        if (!"READY".equalsIgnoreCase(cluster.state())) {
            throw ApiException.conflict("Cluster '" + name + "' is " + cluster.state()
                    + ", not READY; resume it or choose another cluster.");
        }
        if (cluster.dockerHost() == null || cluster.dockerHost().isBlank()) {
            throw ApiException.conflict("Cluster '" + name + "' has no Docker endpoint yet.");
        }
        return cluster;
    }

    /** The client certificates of the cluster's Docker endpoint. */
    public TlsMaterial dockerTls(String name) {
        try {
            return client.dockerTls(name, config.internalKey());
        } catch (WebApplicationException e) {
            throw new IllegalStateException("the provisioner at " + config.provisionerUrl()
                    + " refused the Docker TLS certificates of cluster '" + name + "' (HTTP "
                    + e.getResponse().getStatus() + ")");
        } catch (ProcessingException e) {
            throw new IllegalStateException("the provisioner at " + config.provisionerUrl() + " cannot be reached", e);
        }
    }

    private ClusterEndpoint lookup(String name) {
        try {
            return client.cluster(name);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw ApiException.badRequest("Cluster '" + name + "' is not known to the provisioner at "
                        + config.provisionerUrl() + ".");
            }
            throw ApiException.unavailable("The provisioner at " + config.provisionerUrl()
                    + " answered HTTP " + e.getResponse().getStatus() + " when asked for cluster '" + name + "'.");
        } catch (ProcessingException e) {
            throw ApiException.unavailable("The provisioner at " + config.provisionerUrl()
                    + " cannot be reached to look up cluster '" + name + "'.");
        }
    }
}
