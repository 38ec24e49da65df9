package io.simswarm.provisioner.cluster.messaging;

import io.quarkus.logging.Log;
import io.simswarm.commons.messaging.Outbox;
import io.simswarm.events.ClusterEvent;
import io.simswarm.events.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Announces cluster changes on {@code cluster-events}, keyed by cluster name, in the transaction of the change. */
@ApplicationScoped
public class ClusterEvents {

    private final Outbox outbox;

    public ClusterEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String cluster, ClusterEvent.Type type, String state, int workers, String detail) {
        Log.infof("cluster %s: %s (%s)%s", cluster, type, state, detail == null ? "" : " " + detail);
        outbox.publish(Topics.CLUSTER_EVENTS, cluster, ClusterEvent.of(cluster, type, state, workers, detail));
    }
}
