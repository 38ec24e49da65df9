package io.simswarm.results.campaign;

import io.quarkus.logging.Log;
import io.simswarm.commons.messaging.ConsumedEvents;
import io.simswarm.events.CampaignEvent;
import io.simswarm.events.EventVersion;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Learns about campaigns from {@code campaign-events}, once per event id. */
@ApplicationScoped
public class CampaignEventConsumer {

    static final String CONSUMER = "results-campaign-events";

    private final ConsumedEvents consumedEvents;
    private final CampaignService campaigns;

    public CampaignEventConsumer(ConsumedEvents consumedEvents, CampaignService campaigns) {
        this.consumedEvents = consumedEvents;
        this.campaigns = campaigns;
    }

    @Incoming("campaign-events")
    @Blocking
    @Transactional
    public void consume(CampaignEvent event) {
        if (event == null || event.eventId() == null || event.campaignId() == null) {
            Log.warn("skipped a campaign event that could not be read");
            return;
        }
        if (event.version() > EventVersion.CURRENT) {
            Log.warnf("skipped campaign event %s of unknown version %d", event.eventId(), event.version());
            return;
        }
        if (!isValidId(event.campaignId())) {
            Log.warnf("skipped campaign event %s: campaign id '%s' is not usable", event.eventId(), event.campaignId());
            return;
        }
        if (consumedEvents.firstDelivery(event.eventId(), CONSUMER)) {
            campaigns.record(event);
        }
    }

    private static boolean isValidId(String id) {
        try {
            CampaignIds.check(id);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
