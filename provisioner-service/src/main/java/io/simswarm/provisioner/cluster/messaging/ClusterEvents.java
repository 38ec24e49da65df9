package io.simswarm.provisioner.cluster.messaging;

import io.quarkus.logging.Log;
import io.simswarm.events.ClusterEvent;
import io.simswarm.events.Topics;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes cluster changes on {@code cluster-events}, keyed by cluster name. Call after the change is committed. */
@ApplicationScoped
public class ClusterEvents {

    private final Emitter<ClusterEvent> emitter;

    public ClusterEvents(@Channel(Topics.CLUSTER_EVENTS) Emitter<ClusterEvent> emitter) {
        this.emitter = emitter;
    }

    public void publish(String cluster, ClusterEvent.Type type, String state, int workers, String detail) {
        ClusterEvent event = ClusterEvent.of(cluster, type, state, workers, detail);
        Log.infof("cluster %s: %s (%s)%s", cluster, type, state, detail == null ? "" : " " + detail);
        emitter.send(Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(cluster).build()));
    }
}
