package io.simswarm.scheduler.campaign.messaging;

import io.simswarm.commons.messaging.Inbox;
import io.simswarm.events.ResultsStored;
import io.simswarm.events.Topics;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignLifecycle;
import io.simswarm.scheduler.run.RunLedger;
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
 * before or after the worker's finish call), and it is never leased again. Events arrive in batches (one poll of the
 * topic): each batch is one transaction that locks every campaign it touches once, in a fixed order, and checks
 * once per campaign whether it is done.
 */
@ApplicationScoped
public class ResultsStoredConsumer {

    private static final String CONSUMER = "results-stored";

    private final Inbox inbox;
    private final RunLedger runs;
    private final CampaignLifecycle lifecycle;

    public ResultsStoredConsumer(Inbox inbox, RunLedger runs, CampaignLifecycle lifecycle) {
        this.inbox = inbox;
        this.runs = runs;
        this.lifecycle = lifecycle;
    }

    @Incoming(Topics.RESULTS_STORED)
    @Blocking
    @Transactional
    public void onResultsStored(List<ResultsStored> batch) {
        Map<String, List<ResultsStored>> byCampaign = new TreeMap<>();
        for (ResultsStored event : batch) {
            if (event != null && event.campaignId() != null) {
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
            if (inbox.accept(event, CONSUMER)) {
                latest.put(event.runNumber(), event);
            }
        }
        runs.lock(campaignId, latest.keySet()).forEach(run -> {
            ResultsStored event = latest.get(run.runNumber);
            run.stored(event.storedAt() == null ? Instant.now() : event.storedAt());
        });
        lifecycle.completeIfDone(campaign);
    }
}
