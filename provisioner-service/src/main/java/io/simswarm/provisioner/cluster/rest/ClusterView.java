package io.simswarm.provisioner.cluster.rest;

import io.simswarm.provisioner.docker.NodeView;
import java.time.Instant;
import java.util.List;

/**
 * A cluster as clients see it.
 *
 * @param name              cluster name
 * @param provider          local or aws
 * @param state             CREATING, READY, RESIZING, HALTING, HALTED, RESUMING, DELETING, DELETED or FAILED
 * @param failureReason     why the last operation failed; null unless FAILED
 * @param dockerHost        Docker endpoint of the swarm's manager, for the other services (unix:// or tcp://)
 * @param dockerTls         true when {@code dockerHost} needs the client certificate (GET /clusters/{name}/docker-tls)
 * @param registry          registry (host:port) images must be pushed to so every node can pull them; null if none is needed
 * @param workers           wanted number of workers
 * @param nodes             the swarm's nodes as its manager reports them (empty when it cannot be asked)
 * @param nodesError        why the nodes could not be read; null when they were
 * @param runningCampaigns  campaigns running on the cluster, as announced on campaign-events
 * @param instanceType      workers' instance type (aws)
 * @param managerInstanceType manager's instance type (aws)
 * @param region            AWS region (aws)
 * @param spot              spot instances (aws)
 * @param idleHaltMinutes   minutes without a campaign before an automatic halt; 0 never (aws)
 * @param sshCidr           CIDR SSH is open to; null: closed (aws)
 * @param apiCidr           CIDR the Docker API is open to (aws)
 * @param createdAt         when the cluster was created
 * @param updatedAt         when its state last changed
 * @param pricePerHour      on-demand price of one worker instance-hour (USD, {@code prices}); null when unknown
 * @param spotPricePerHour  the same at the spot price ({@code spot-price-factor})
 * @param managerPricePerHour on-demand price of the manager's instance-hour; null when unknown
 */
public record ClusterView(
        String name,
        String provider,
        String state,
        String failureReason,
        String dockerHost,
        boolean dockerTls,
        String registry,
        int workers,
        List<NodeView> nodes,
        String nodesError,
        long runningCampaigns,
        String instanceType,
        String managerInstanceType,
        String region,
        boolean spot,
        double idleHaltMinutes,
        String sshCidr,
        String apiCidr,
        Instant createdAt,
        Instant updatedAt,
        Double pricePerHour,
        Double spotPricePerHour,
        Double managerPricePerHour) {
}
