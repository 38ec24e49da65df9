package io.simswarm.provisioner.node;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.simswarm.docker.DockerEndpoint;
import io.simswarm.events.ClusterEvent;
import io.simswarm.provisioner.cluster.Cluster;
import io.simswarm.provisioner.cluster.ClusterEndpoints;
import io.simswarm.provisioner.cluster.ClusterState;
import io.simswarm.provisioner.cluster.messaging.ClusterEvents;
import io.simswarm.provisioner.docker.NodeView;
import io.simswarm.provisioner.docker.SwarmNodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Looks at the nodes of every ready cluster periodically and announces NODE_LOST on cluster-events when a node that
 * was ready is no longer (down, disconnected, unknown). Nodes removed on purpose (resize) simply disappear.
 */
@ApplicationScoped
public class NodeWatcher {

    private final ClusterEndpoints endpoints;
    private final SwarmNodes swarm;
    private final ClusterEvents events;

    public NodeWatcher(ClusterEndpoints endpoints, SwarmNodes swarm, ClusterEvents events) {
        this.endpoints = endpoints;
        this.swarm = swarm;
        this.events = events;
    }

    @Scheduled(every = "${simswarm.provisioner.node-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void checkNodes() {
        List<Cluster> ready = QuarkusTransaction.requiringNew().call(() -> Cluster.inState(ClusterState.READY));
        for (Cluster cluster : ready) {
            try {
                Optional<DockerEndpoint> endpoint = endpoints.endpoint(cluster);
                if (endpoint.isPresent()) {
                    check(cluster, swarm.list(endpoint.get()));
                }
            } catch (RuntimeException e) {
                Log.debugf("cluster %s: nodes not checked: %s", cluster.name, e.getMessage());
            }
        }
    }

    /** Records what the swarm reports and announces each node that went from ready to anything else. */
    public void check(Cluster cluster, List<NodeView> nodes) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (NodeView node : remember(cluster.name, nodes)) {
                events.publish(cluster.name, ClusterEvent.Type.NODE_LOST, cluster.state.name(), cluster.workers,
                        "node " + node.hostname() + " (" + node.id() + ", " + node.role() + ", " + node.address()
                                + ") is " + node.state());
            }
        });
    }

    private List<NodeView> remember(String cluster, List<NodeView> nodes) {
        Map<String, KnownNode> known = KnownNode.ofCluster(cluster).stream()
                .collect(Collectors.toMap(node -> node.nodeId, Function.identity()));
        List<NodeView> lost = new ArrayList<>();
        for (NodeView node : nodes) {
            KnownNode before = known.remove(node.id());
            if (before == null) {
                before = new KnownNode();
                before.cluster = cluster;
                before.nodeId = node.id();
                before.state = node.state();
                before.persist();
            } else if ("ready".equals(before.state) && !node.ready()) {
                lost.add(node);
            }
            before.hostname = node.hostname();
            before.state = node.state();
        }
        known.values().forEach(KnownNode::delete);
        return lost;
    }
}
