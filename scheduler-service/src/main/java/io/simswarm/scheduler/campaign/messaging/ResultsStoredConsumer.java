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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A run whose results the results service stored has SUCCEEDED, whatever its worker reports (the event may come
 * before or after the worker's finish call) and it is never leased again. Events arrive in batches (one poll of the
 * topic): each batch is one transaction that locks every campaign it touches once, in a fixed order, and checks
 * once per campaign whether it is done.
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
    public void onResultsStored(List<ResultsStored> batch) {
        Map<String, List<ResultsStored>> byCampaign = new TreeMap<>();
        for (ResultsStored event : batch) {
            if (readable(event)) {
                byCampaign.computeIfAbsent(event.campaignId(), id -> new ArrayList<>()).add(event);
            }
        }
        byCampaign.forEach(this::apply);
    }

    private void apply(String campaignId, List<ResultsStored> events) {
        Campaign campaign = Campaign.lock(campaignId).orElse(null);
        if (campaign == null) {
            return;
        }
        // by run number: every writer that locks several runs locks them in this order
        Map<Integer, ResultsStored> latest = new TreeMap<>();
        for (ResultsStored event : events) {
            if (consumed.firstDelivery(event.eventId(), CONSUMER)) {
                latest.put(event.runNumber(), event);
            }
        }
        if (!latest.isEmpty()) {
            Run.lock(campaignId, latest.keySet()).forEach(run -> succeeded(run, latest.get(run.runNumber)));
        }
        progress.completeIfDone(campaign);
    }

    private void succeeded(Run run, ResultsStored event) {
        if (run.state == RunState.SUCCEEDED) {
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
    }

    private static boolean readable(ResultsStored event) {
        if (event == null || event.campaignId() == null || event.eventId() == null) {
            return false;
        }
        if (event.version() != EventVersion.CURRENT) {
            Log.warnf("skipping results event %s of unknown version %d", event.eventId(), event.version());
            return false;
        }
        return true;
    }
}
