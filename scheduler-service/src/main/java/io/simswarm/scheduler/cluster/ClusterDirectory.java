package io.simswarm.scheduler.cluster;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.docker.ClusterEndpoint;
import io.simswarm.docker.DockerTlsUnavailableException;
import io.simswarm.docker.ProvisionerDirectory;
import io.simswarm.docker.TlsMaterial;
import io.simswarm.scheduler.config.SchedulerConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The provisioner's answers about a cluster a campaign runs on; see {@link ProvisionerDirectory}. */
@ApplicationScoped
public class ClusterDirectory {

    private final ProvisionerDirectory provisioner;

    public ClusterDirectory(SchedulerConfig config) {
        this.provisioner = new ProvisionerDirectory(config.provisionerUrl(), config.internalKey(), "the scheduler");
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
