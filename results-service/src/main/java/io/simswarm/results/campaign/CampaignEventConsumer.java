package io.simswarm.results.campaign;

import io.quarkus.logging.Log;
import io.simswarm.commons.messaging.Inbox;
import io.simswarm.events.CampaignEvent;
import io.simswarm.events.Topics;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns about campaigns from {@code campaign-events}, once per event id. */
@ApplicationScoped
public class CampaignEventConsumer {

    static final String CONSUMER = "results-campaign-events";

    private final Inbox inbox;
    private final CampaignService campaigns;

    public CampaignEventConsumer(Inbox inbox, CampaignService campaigns) {
        this.inbox = inbox;
        this.campaigns = campaigns;
    }

    @Incoming(Topics.CAMPAIGN_EVENTS)
    @Blocking
    @Transactional
    public void consume(CampaignEvent event) {
        if (inbox.accept(event, CONSUMER, CampaignEventConsumer::usable)) {
            campaigns.record(event);
        }
    }

    private static boolean usable(CampaignEvent event) {
        if (CampaignIds.usable(event.campaignId())) {
            return true;
        }
        Log.warnf("skipped campaign event %s: campaign id '%s' is not usable", event.eventId(), event.campaignId());
        return false;
    }
}
