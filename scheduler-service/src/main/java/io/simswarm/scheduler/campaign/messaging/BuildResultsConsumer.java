package io.simswarm.scheduler.campaign.messaging;

import io.quarkus.logging.Log;
import io.simswarm.commons.messaging.ConsumedEvents;
import io.simswarm.events.BuildFinished;
import io.simswarm.events.EventVersion;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignProgress;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.expansion.Expander;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes the outcome of a campaign's build: a failed build fails the campaign, a built one is expanded. */
@ApplicationScoped
public class BuildResultsConsumer {

    private static final String CONSUMER = "build-results";

    private final ConsumedEvents consumed;
    private final CampaignProgress progress;
    private final Expander expander;

    public BuildResultsConsumer(ConsumedEvents consumed, CampaignProgress progress, Expander expander) {
        this.consumed = consumed;
        this.progress = progress;
        this.expander = expander;
    }

    @Incoming("build-results")
    @Blocking
    @Transactional
    public void onBuildFinished(BuildFinished event) {
        if (event == null || event.campaignId() == null || event.eventId() == null) {
            return;
        }
        if (event.version() != EventVersion.CURRENT) {
            Log.warnf("skipping build result %s of unknown version %d", event.eventId(), event.version());
            return;
        }
        Campaign campaign = Campaign.lock(event.campaignId()).orElse(null);
        if (campaign == null || !consumed.firstDelivery(event.eventId(), CONSUMER)
                || campaign.status != CampaignStatus.BUILDING) {
            return;
        }
        campaign.buildId = event.buildId();
        campaign.commit = event.commit();
        campaign.buildFinishedAt = event.finishedAt() == null ? Instant.now() : event.finishedAt();
        if (!event.succeeded()) {
            progress.finish(campaign, CampaignStatus.FAILED, "The build failed: "
                    + (event.error() == null ? "the build service gave no reason." : event.error()));
            return;
        }
        campaign.image = event.image();
        campaign.imageWorkdir = event.workdir();
        campaign.status = CampaignStatus.EXPANDING;
        expander.expandAfterCommit(campaign.id);
        Log.infof("campaign %s: built as %s, expanding", campaign.id, event.image());
    }
}
