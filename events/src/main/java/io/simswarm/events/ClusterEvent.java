package io.simswarm.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of a cluster.
 *
 * @param version event format version, {@link EventVersion#CURRENT}
 * @param eventId unique id of this event
 * @param cluster cluster name
 * @param type    what changed
 * @param state   the cluster state after the change (READY, HALTED, ...)
 * @param workers number of worker nodes after the change
 * @param detail  human-readable detail (e.g. the lost node, a failure reason); may be null
 * @param at      when it happened
 */
public record ClusterEvent(
        int version,
        UUID eventId,
        String cluster,
        Type type,
        String state,
        int workers,
        String detail,
        Instant at) implements Event {

    /** Kind of cluster change. */
    public enum Type {
        READY, RESIZED, HALTED, RESUMED, DELETED, FAILED, NODE_LOST
    }

    public static ClusterEvent of(String cluster, Type type, String state, int workers, String detail) {
        return new ClusterEvent(EventVersion.CURRENT, UUID.randomUUID(), cluster, type, state, workers, detail,
                Instant.now());
    }
}
