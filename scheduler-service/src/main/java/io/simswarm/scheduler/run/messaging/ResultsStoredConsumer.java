package io.simswarm.scheduler.run.messaging;

import io.quarkus.logging.Log;
import io.simswarm.commons.messaging.ConsumedEvents;
import io.simswarm.events.EventVersion;
import io.simswarm.events.ResultsStored;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignProgress;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunState;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A run whose results the results service stored has SUCCEEDED, whatever its worker reports (the event may come
 * before or after the worker's finish call) and it is never leased again.
 */
@ApplicationScoped
public class ResultsStoredConsumer {

    private static final String CONSUMER = "results-stored";

    private final ConsumedEvents consumed;
    private final CampaignProgress progress;

    public ResultsStoredConsumer(ConsumedEvents consumed, CampaignProgress progress) {
        this.consumed = consumed;
        this.progress = progress;
    }

    @Incoming("results-stored")
    @Blocking
    @Transactional
    public void onResultsStored(ResultsStored event) {
        if (event == null || event.campaignId() == null || event.eventId() == null) {
            return;
        }
        if (event.version() != EventVersion.CURRENT) {
            Log.warnf("skipping results event %s of unknown version %d", event.eventId(), event.version());
            return;
        }
        Campaign campaign = Campaign.lock(event.campaignId()).orElse(null);
        if (campaign == null || !consumed.firstDelivery(event.eventId(), CONSUMER)) {
            return;
        }
        Run run = Run.lock(event.campaignId(), event.runNumber()).orElse(null);
        if (run == null || run.state == RunState.SUCCEEDED) {
            return;
        }
        run.storedAt = event.storedAt() == null ? Instant.now() : event.storedAt();
        if (run.state == RunState.CANCELLED) {
            return;
        }
        run.state = RunState.SUCCEEDED;
        run.error = null;
        if (run.finishedAt == null) {
            run.finishedAt = Instant.now();
        }
        progress.completeIfDone(campaign);
    }
}
