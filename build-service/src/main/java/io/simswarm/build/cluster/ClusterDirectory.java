package io.simswarm.build.cluster;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.simswarm.build.BuildFailure;
import io.simswarm.build.config.BuildConfig;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.docker.ClusterEndpoint;
import io.simswarm.docker.ProvisionerClient;
import io.simswarm.docker.TlsMaterial;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Asks the provisioner where a named cluster's Docker API answers and for its client certificates, and says in a
 * sentence what went wrong when it cannot answer.
 */
@ApplicationScoped
public class ClusterDirectory {

    private final String url;
    private final String internalKey;
    private final ProvisionerClient provisioner;

    public ClusterDirectory(BuildConfig config) {
        this.url = config.provisionerUrl();
        this.internalKey = config.internalKey();
        this.provisioner = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build(ProvisionerClient.class);
    }

    /**
     * The cluster's Docker endpoint and registry.
     *
     * @throws ApiException 400 for a cluster the provisioner does not know, 409 for one without an endpoint yet, 503
     *                      when the provisioner cannot be asked
     */
    public ClusterEndpoint endpointOf(String name) {
        ClusterEndpoint cluster;
        try {
            cluster = provisioner.cluster(name);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                throw ApiException.badRequest("Cluster '" + name + "' is not known to the provisioner at " + url + ".");
            }
            throw ApiException.unavailable("The provisioner at " + url + " answered HTTP "
                    + e.getResponse().getStatus() + " when asked for cluster '" + name + "'.");
        } catch (ProcessingException e) {
            throw ApiException.unavailable("The provisioner at " + url + " cannot be reached to look up cluster '"
                    + name + "'.");
        }
        if (cluster.dockerHost() == null || cluster.dockerHost().isBlank()) {
            throw ApiException.conflict("Cluster '" + name + "' has no Docker endpoint yet.");
        }
        return cluster;
    }

    /**
     * The client certificates of the cluster's Docker API.
     *
     * @throws BuildFailure naming why the provisioner did not hand them out
     */
    public TlsMaterial dockerTls(String name) {
        try {
            return provisioner.dockerTls(name, internalKey);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String refused = "The provisioner at " + url + " refused the Docker TLS certificates of cluster '" + name
                    + "' (HTTP " + status + ")";
            throw new BuildFailure(switch (status) {
                case 403 -> refused + ": the build service's internal key (SIMSWARM_INTERNAL_KEY) is not the"
                        + " provisioner's";
                case 404 -> refused + ": it knows no such cluster, or the cluster's Docker API needs no TLS";
                default -> refused;
            }, e);
        } catch (ProcessingException e) {
            throw new BuildFailure("The Docker TLS certificates of cluster '" + name + "' cannot be fetched: the"
                    + " provisioner at " + url + " cannot be reached", e);
        }
    }
}
