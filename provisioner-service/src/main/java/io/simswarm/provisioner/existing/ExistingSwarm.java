package io.simswarm.provisioner.existing;

import io.simswarm.docker.DockerEndpoint;
import io.simswarm.provisioner.cluster.Cluster;
import io.simswarm.provisioner.cluster.ClusterEndpoints;
import io.simswarm.provisioner.docker.NodeView;
import io.simswarm.provisioner.docker.SwarmNodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A swarm made elsewhere, registered as a cluster of provider {@code existing}: SimSwarm only checks that its Docker
 * endpoint is a manager of an active swarm with a ready node, and forgets it on delete; its machines stay as they are.
 */
@ApplicationScoped
public class ExistingSwarm {

    private final SwarmNodes swarm;
    private final ClusterEndpoints endpoints;

    public ExistingSwarm(SwarmNodes swarm, ClusterEndpoints endpoints) {
        this.swarm = swarm;
        this.endpoints = endpoints;
    }

    /** Passes when the cluster's endpoint is a manager of an active swarm with a ready node; says why not otherwise. */
    public void check(Cluster cluster) {
        DockerEndpoint endpoint = endpoints.endpoint(cluster).orElseThrow();
        String state;
        try {
            state = swarm.localState(endpoint);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Docker engine at " + cluster.dockerHostOverride
                    + " cannot be reached (" + rootMessage(e) + ")", e);
        }
        if (!"active".equals(state)) {
            throw new IllegalStateException("the Docker engine at " + cluster.dockerHostOverride
                    + " is not part of a swarm (its swarm state is " + state + "); run docker swarm init there first");
        }
        List<NodeView> nodes;
        try {
            nodes = swarm.list(endpoint);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the Docker engine at " + cluster.dockerHostOverride
                    + " is not a manager of its swarm: give the endpoint of a manager", e);
        }
        if (nodes.stream().noneMatch(node -> "ready".equals(node.state()))) {
            throw new IllegalStateException("the swarm at " + cluster.dockerHostOverride + " has no ready node");
        }
    }

    /** What the innermost cause says, without the names of exception classes. */
    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) {
            return "no answer";
        }
        return message.replaceFirst("^[\\w.$]+(Exception|Error): ", "");
    }
}
