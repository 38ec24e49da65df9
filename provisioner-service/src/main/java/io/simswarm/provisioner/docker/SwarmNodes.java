package io.simswarm.provisioner.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.SwarmNode;
import com.github.dockerjava.api.model.SwarmNodeAvailability;
import com.github.dockerjava.api.model.SwarmNodeSpec;
import com.github.dockerjava.api.model.TaskState;
import io.quarkus.logging.Log;
import io.simswarm.docker.DockerEndpoint;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/** The swarm side of a cluster, through the Docker API of one of its managers. */
@ApplicationScoped
public class SwarmNodes {

    /** Engine label by which a node names the EC2 instance it runs on (set by the instance's user data). */
    public static final String INSTANCE_LABEL = "simswarm.instance-id";

    private final DockerClients clients;

    public SwarmNodes(DockerClients clients) {
        this.clients = clients;
    }

    /** The swarm's nodes as the manager reports them. */
    public List<NodeView> list(DockerEndpoint endpoint) {
        return raw(endpoint).stream().map(NodeView::of).toList();
    }

    /** The engine's swarm state: active, inactive, pending, error, locked. */
    public String localState(DockerEndpoint endpoint) {
        return clients.client(endpoint).infoCmd().exec().getSwarm().getLocalNodeState().name()
                .toLowerCase(Locale.ROOT);
    }

    /** Initialises a one-node swarm when the engine is in none. */
    public void ensureInitialised(DockerEndpoint endpoint, String advertiseAddress) {
        if (!"active".equals(localState(endpoint))) {
            Log.infof("initialising a swarm on %s, advertising %s", endpoint, advertiseAddress);
            clients.client(endpoint).initializeSwarmCmd(new com.github.dockerjava.api.model.SwarmSpec())
                    .withAdvertiseAddr(advertiseAddress)
                    .withListenAddr("0.0.0.0:2377")
                    .exec();
        }
    }

    /** Sets the node's availability to drain, so the swarm moves its tasks elsewhere. */
    public void drain(DockerEndpoint endpoint, String nodeId) {
        DockerClient client = clients.client(endpoint);
        SwarmNode node = client.listSwarmNodesCmd().withIdFilter(List.of(nodeId)).exec().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("swarm node " + nodeId + " is gone"));
        SwarmNodeSpec spec = node.getSpec().withAvailability(SwarmNodeAvailability.DRAIN);
        client.updateSwarmNodeCmd().withSwarmNodeId(nodeId).withVersion(node.getVersion().getIndex())
                .withSwarmNodeSpec(spec).exec();
    }

    /** Number of tasks the swarm still wants running on the node. */
    public long runningTasks(DockerEndpoint endpoint, String nodeId) {
        return clients.client(endpoint).listTasksCmd().withNodeFilter(nodeId).exec().stream()
                .filter(task -> task.getDesiredState() == TaskState.RUNNING)
                .count();
    }

    /** Removes the node from the swarm (forced: its machine is about to go away). */
    public void remove(DockerEndpoint endpoint, String nodeId) {
        clients.client(endpoint).removeSwarmNodeCmd(nodeId).withForce(true).exec();
    }

    private List<SwarmNode> raw(DockerEndpoint endpoint) {
        return clients.client(endpoint).listSwarmNodesCmd().exec();
    }
}
