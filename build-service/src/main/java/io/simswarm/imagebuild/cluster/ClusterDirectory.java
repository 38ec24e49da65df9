package io.simswarm.imagebuild.cluster;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.docker.ClusterEndpoint;
import io.simswarm.docker.DockerTlsUnavailableException;
import io.simswarm.docker.ProvisionerDirectory;
import io.simswarm.docker.TlsMaterial;
import io.simswarm.imagebuild.config.BuildConfig;
import io.simswarm.imagebuild.job.BuildFailure;
import jakarta.enterprise.context.ApplicationScoped;

/** The provisioner's answers about a cluster a build targets; see {@link ProvisionerDirectory}. */
@ApplicationScoped
public class ClusterDirectory {

    private final ProvisionerDirectory provisioner;

    public ClusterDirectory(BuildConfig config) {
        this.provisioner = new ProvisionerDirectory(config.provisionerUrl(), config.internalKey(),
                "the build service");
    }

    /**
     * The cluster's Docker endpoint and registry.
     *
     * @throws ApiException 400 for a cluster the provisioner does not know, 409 for one without an endpoint yet, 503
     *                      when the provisioner cannot be asked
     */
    public ClusterEndpoint endpointOf(String name) {
        return provisioner.endpointOf(name);
    }

    /**
     * The client certificates of the cluster's Docker API.
     *
     * @throws BuildFailure naming why the provisioner did not hand them out
     */
    public TlsMaterial dockerTls(String name) {
        try {
            return provisioner.dockerTls(name);
        } catch (DockerTlsUnavailableException e) {
            throw new BuildFailure(e.getMessage(), e);
        }
    }
}
