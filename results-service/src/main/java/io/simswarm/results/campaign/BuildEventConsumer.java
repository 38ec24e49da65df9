package io.simswarm.results.campaign;

import io.simswarm.commons.messaging.Inbox;
import io.simswarm.events.BuildFinished;
import io.simswarm.events.BuildRequested;
import io.simswarm.events.Topics;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns how each campaign's image is built, for its provenance: the request (repository, ref, build spec) from
 * {@code build-requests} and the outcome (commit, image) from {@code build-results}, each once per event id.
 */
@ApplicationScoped
public class BuildEventConsumer {

    static final String REQUESTS = "results-build-requests";
    static final String RESULTS = "results-build-results";

    private final Inbox inbox;
    private final CampaignService campaigns;

    public BuildEventConsumer(Inbox inbox, CampaignService campaigns) {
        this.inbox = inbox;
        this.campaigns = campaigns;
    }

    @Incoming(Topics.BUILD_REQUESTS)
    @Blocking
    @Transactional
    public void requested(BuildRequested event) {
        if (inbox.accept(event, REQUESTS, e -> CampaignIds.usable(e.campaignId()))) {
            campaigns.recordBuildRequest(event);
        }
    }

    @Incoming(Topics.BUILD_RESULTS)
    @Blocking
    @Transactional
    public void finished(BuildFinished event) {
        if (inbox.accept(event, RESULTS, e -> CampaignIds.usable(e.campaignId()))) {
            campaigns.recordBuild(event);
        }
    }
}
