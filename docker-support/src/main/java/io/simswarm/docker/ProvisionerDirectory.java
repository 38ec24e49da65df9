package io.simswarm.docker;

import io.simswarm.commons.problem.ApiException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Asks the provisioner where a named cluster's Docker API answers and for its client certificates, and says in a
 * sentence what went wrong when it cannot answer. The services that look clusters up hold one each.
 */
public class ProvisionerDirectory {

    private final String url;
    private final String internalKey;
    private final String caller;
    private final ProvisionerClient provisioner;

    /**
     * A directory asking the provisioner at {@code url} (5 s to connect, 30 s to answer).
     *
     * @param internalKey key that lets the caller read cluster secrets ({@code SIMSWARM_INTERNAL_KEY})
     * @param caller      how the calling service is named in a sentence, e.g. "the build service"
     */
    public ProvisionerDirectory(String url, String internalKey, String caller) {
        this(url, internalKey, caller, RestClientBuilder.newBuilder()
                .baseUri(URI.create(url))
                .connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS)
                .build(ProvisionerClient.class));
    }

    ProvisionerDirectory(String url, String internalKey, String caller, ProvisionerClient provisioner) {
        this.url = url;
        this.internalKey = internalKey;
        this.caller = caller;
        this.provisioner = provisioner;
    }

    /**
     * The cluster as the provisioner knows it, whether or not it has a Docker endpoint yet.
     *
     * @throws ApiException 400 for a cluster the provisioner does not know, 503 when the provisioner cannot be asked
     */
    public ClusterEndpoint cluster(String name) {
        try {
            return provisioner.cluster(name, internalKey);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw ApiException.badRequest("Cluster '" + name + "' is not known to the provisioner at " + url + ".");
            }
            if (status == 401) {
                throw ApiException.unavailable("The provisioner at " + url + " refused " + caller + "'s internal key"
                        + " (SIMSWARM_INTERNAL_KEY) when asked for cluster '" + name + "'.");
            }
            throw ApiException.unavailable("The provisioner at " + url + " answered HTTP " + status
                    + " when asked for cluster '" + name + "'.");
        } catch (ProcessingException e) {
            throw ApiException.unavailable("The provisioner at " + url + " cannot be reached to look up cluster '"
                    + name + "'.");
        }
    }

    /**
     * The cluster's Docker endpoint and registry.
     *
     * @throws ApiException 400 for a cluster the provisioner does not know, 409 for one without an endpoint yet, 503
     *                      when the provisioner cannot be asked
     */
    public ClusterEndpoint endpointOf(String name) {
        return requireEndpoint(name, cluster(name));
    }

    /**
     * {@code cluster}, when it has a Docker endpoint.
     *
     * @throws ApiException 409 for a cluster without an endpoint yet
     */
    public static ClusterEndpoint requireEndpoint(String name, ClusterEndpoint cluster) {
        if (cluster.dockerHost() == null || cluster.dockerHost().isBlank()) {
            throw ApiException.conflict("Cluster '" + name + "' has no Docker endpoint yet.");
        }
        return cluster;
    }

    /**
     * The client certificates of the cluster's Docker API.
     *
     * @throws DockerTlsUnavailableException naming why the provisioner did not hand them out
     */
    public TlsMaterial dockerTls(String name) {
        try {
            return provisioner.dockerTls(name, internalKey);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String refused = "The provisioner at " + url + " refused the Docker TLS certificates of cluster '" + name
                    + "' (HTTP " + status + ")";
            throw new DockerTlsUnavailableException(switch (status) {
                case 401, 403 -> refused + ": " + caller + "'s internal key (SIMSWARM_INTERNAL_KEY) is not the"
                        + " provisioner's";
                case 404 -> refused + ": it knows no such cluster, or the cluster's Docker API needs no TLS";
                default -> refused;
            }, e);
        } catch (ProcessingException e) {
            throw new DockerTlsUnavailableException("The Docker TLS certificates of cluster '" + name
                    + "' cannot be fetched: the provisioner at " + url + " cannot be reached", e);
        }
    }
}
