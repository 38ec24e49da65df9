package io.simswarm.provisioner.docker;

import com.github.dockerjava.api.model.SwarmNode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One swarm node as clients see it.
 *
 * @param id           swarm node id
 * @param hostname     the machine's host name
 * @param role         manager or worker
 * @param state        ready, down, disconnected or unknown
 * @param availability active, pause or drain
 * @param address      the address the node advertises to the swarm
 * @param cpus         CPUs the node offers
 * @param memoryBytes  memory the node offers
 * @param engineVersion version of its Docker engine
 * @param instanceId   the EC2 instance it runs on, from its engine label; null for other machines
 */
public record NodeView(String id, String hostname, String role, String state, String availability, String address,
        double cpus, long memoryBytes, String engineVersion, String instanceId) {

    static NodeView of(SwarmNode node) {
        var description = node.getDescription();
        var resources = description == null ? null : description.getResources();
        var engine = description == null ? null : description.getEngine();
        Map<String, String> labels = engine == null || engine.getLabels() == null ? Map.of() : engine.getLabels();
        return new NodeView(
                node.getId(),
                description == null ? null : description.getHostname(),
                lower(node.getSpec().getRole()),
                lower(node.getStatus() == null ? null : node.getStatus().getState()),
                lower(node.getSpec().getAvailability()),
                node.getStatus() == null ? null : node.getStatus().getAddress(),
                resources == null || resources.getNanoCPUs() == null ? 0 : resources.getNanoCPUs() / 1e9,
                resources == null || resources.getMemoryBytes() == null ? 0 : resources.getMemoryBytes(),
                engine == null ? null : engine.getEngineVersion(),
                labels.get(SwarmNodes.INSTANCE_LABEL));
    }

    public boolean ready() {
        return "ready".equals(state);
    }

    public boolean manager() {
        return "manager".equals(role);
    }

    private static String lower(Object value) {
        return Optional.ofNullable(value).map(v -> v.toString().toLowerCase(Locale.ROOT)).orElse(null);
    }
}
