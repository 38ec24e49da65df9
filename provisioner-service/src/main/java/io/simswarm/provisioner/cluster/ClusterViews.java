package io.simswarm.provisioner.cluster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.simswarm.docker.DockerEndpoint;
import io.simswarm.provisioner.cluster.rest.ClusterView;
import io.simswarm.provisioner.config.ProvisionerConfig;
import io.simswarm.provisioner.docker.NodeView;
import io.simswarm.provisioner.docker.SwarmNodes;
import io.simswarm.provisioner.idle.RunningCampaign;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Turns clusters into what clients see, with the nodes their swarm reports right now. */
@ApplicationScoped
public class ClusterViews {

    /** States in which the manager is not expected to answer. */
    private static final Set<ClusterState> SILENT = Set.of(ClusterState.HALTED, ClusterState.DELETED,
            ClusterState.HALTING, ClusterState.DELETING);

    private final ClusterEndpoints endpoints;
    private final SwarmNodes swarm;
    private final ProvisionerConfig config;

    public ClusterViews(ClusterEndpoints endpoints, SwarmNodes swarm, ProvisionerConfig config) {
        this.endpoints = endpoints;
        this.swarm = swarm;
        this.config = config;
    }

    public ClusterView view(Cluster cluster) {
        List<NodeView> nodes = List.of();
        String nodesError = null;
        if (!SILENT.contains(cluster.state)) {
            try {
                Optional<DockerEndpoint> endpoint = endpoints.endpoint(cluster);
                if (endpoint.isPresent()) {
                    nodes = swarm.list(endpoint.get());
                } else {
                    nodesError = "the manager has no address yet";
                }
            } catch (RuntimeException e) {
                nodesError = "the Docker API at " + endpoints.dockerHost(cluster) + " did not list the swarm's nodes: "
                        + e.getMessage();
            }
        }
        long campaigns = QuarkusTransaction.requiringNew().call(() -> RunningCampaign.countOn(cluster.name));
        return new ClusterView(cluster.name, cluster.provider.id(), cluster.state.name(), cluster.failureReason,
                endpoints.dockerHost(cluster), endpoints.tls(cluster), registry(cluster, nodes),
                cluster.isLocal() || cluster.isExisting() ? (int) nodes.stream().filter(node -> !node.manager()).count() : cluster.workers,
                nodes, nodesError, campaigns, cluster.instanceType, cluster.managerInstanceType, cluster.region,
                cluster.spot, cluster.idleHaltSeconds / 60.0, cluster.sshCidr, cluster.apiCidr, cluster.createdAt,
                cluster.updatedAt, price(cluster.instanceType), spotPrice(cluster.instanceType),
                price(cluster.managerInstanceType));
    }

    private Double price(String instanceType) {
        return instanceType == null ? null : config.prices().get(instanceType);
    }

    private Double spotPrice(String instanceType) {
        Double onDemand = price(instanceType);
        return onDemand == null ? null : onDemand * config.spotPriceFactor();
    }

    /** Images reach more than one node only through a registry; a single engine has them already. */
    private String registry(Cluster cluster, List<NodeView> nodes) {
        if (cluster.isLocal()) {
            return nodes.size() > 1 ? config.local().registry() : null;
        }
        if (cluster.isExisting()) {
            return cluster.registry;
        }
        return cluster.workers > 0 ? config.aws().registry() : null;
    }
}
