package io.simswarm.provisioner.idle;

import io.quarkus.logging.Log;
import io.simswarm.commons.messaging.ConsumedEvents;
import io.simswarm.events.CampaignEvent;
import io.simswarm.events.EventVersion;
import io.simswarm.events.Topics;
import io.simswarm.provisioner.cluster.Cluster;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps track of the campaigns running on each cluster from campaign-events: SUBMITTED and STARTED mark a campaign
 * as running, FINISHED ends it and, when it was the last one, starts the cluster's idle time. Events about clusters
 * this service does not know are ignored.
 */
@ApplicationScoped
public class CampaignEventsConsumer {

    static final String CONSUMER = "provisioner-idle";

    private final ConsumedEvents consumed;

    public CampaignEventsConsumer(ConsumedEvents consumed) {
        this.consumed = consumed;
    }

    @Incoming(Topics.CAMPAIGN_EVENTS)
    @Blocking
    @Transactional
    public void consume(CampaignEvent event) {
        if (event == null) {
            return; // a record that is no CampaignEvent (logged by the deserializer)
        }
        if (event.version() != EventVersion.CURRENT) {
            Log.infof("skipping campaign event %s of unknown version %d", event.eventId(), event.version());
            return;
        }
        Cluster cluster = event.cluster() == null ? null : Cluster.findByName(event.cluster());
        if (cluster == null || !consumed.firstDelivery(event.eventId(), CONSUMER)) {
            return;
        }
        RunningCampaign running = RunningCampaign.findById(event.campaignId());
        switch (event.type()) {
            case SUBMITTED, STARTED -> {
                if (running == null) {
                    running = new RunningCampaign();
                    running.campaignId = event.campaignId();
                    running.cluster = cluster.name;
                    running.since = event.at();
                    running.persist();
                }
            }
            case FINISHED -> {
                if (running != null) {
                    running.delete();
                }
                cluster.idleSince = Instant.now();
            }
        }
    }
}
