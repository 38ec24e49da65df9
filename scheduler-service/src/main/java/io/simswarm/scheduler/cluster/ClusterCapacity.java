package io.simswarm.scheduler.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * What a cluster offers a campaign, as the provisioner's {@code GET /clusters/{name}} says: its nodes and their CPUs,
 * its instance types and their prices per instance-hour (null when the provisioner has no price for them).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterCapacity(String name, String provider, String instanceType, String managerInstanceType,
        boolean spot, List<Node> nodes, Double pricePerHour, Double spotPricePerHour, Double managerPricePerHour) {

    /** One node of the swarm. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Node(String hostname, String role, String state, double cpus) {
    }

    /** Nodes that run tasks: the ready ones (a manager runs tasks too, as Swarm places them there). */
    public List<Node> readyNodes() {
        return nodes == null ? List.of() : nodes.stream().filter(n -> "ready".equalsIgnoreCase(n.state())).toList();
    }

    /** The price of one hour of the whole cluster at {@code perWorker} per worker instance; null when unknown. */
    public Double hourlyCost(Double perWorker) {
        if (perWorker == null) {
            return null;
        }
        long workers = readyNodes().stream().filter(n -> !"manager".equalsIgnoreCase(n.role())).count();
        return workers * perWorker + (managerPricePerHour == null ? 0 : managerPricePerHour);
    }
}
