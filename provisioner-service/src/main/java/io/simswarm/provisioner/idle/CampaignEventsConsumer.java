package io.simswarm.provisioner.idle;

import io.simswarm.commons.messaging.Inbox;
import io.simswarm.events.CampaignEvent;
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

    private final Inbox inbox;

    public CampaignEventsConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming(Topics.CAMPAIGN_EVENTS)
    @Blocking
    @Transactional
    public void consume(CampaignEvent event) {
        if (!inbox.accept(event, CONSUMER, e -> e.cluster() != null && Cluster.findByName(e.cluster()) != null)) {
            return;
        }
        Cluster cluster = Cluster.findByName(event.cluster());
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
