package io.simswarm.scheduler.campaign.messaging;

import io.simswarm.commons.messaging.Inbox;
import io.simswarm.events.BuildFinished;
import io.simswarm.events.Topics;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignLifecycle;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Takes the outcome of a campaign's build: a failed build fails the campaign, a built one is expanded. */
@ApplicationScoped
public class BuildResultsConsumer {

    private static final String CONSUMER = "build-results";

    private final Inbox inbox;
    private final CampaignLifecycle lifecycle;

    public BuildResultsConsumer(Inbox inbox, CampaignLifecycle lifecycle) {
        this.inbox = inbox;
        this.lifecycle = lifecycle;
    }

    @Incoming(Topics.BUILD_RESULTS)
    @Blocking
    @Transactional
    public void onBuildFinished(BuildFinished event) {
        if (!inbox.accept(event, CONSUMER, e -> e.campaignId() != null && Campaign.lock(e.campaignId()).isPresent())) {
            return;
        }
        lifecycle.built(Campaign.lock(event.campaignId()).orElseThrow(), event);
    }
}
