package io.simswarm.scheduler.campaign.messaging;

import io.quarkus.logging.Log;
import io.simswarm.events.BuildRequested;
import io.simswarm.events.CampaignEvent;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.tx.AfterCommit;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishes what the scheduler announces on Kafka, keyed by campaign id, once the state change is committed. */
@ApplicationScoped
public class CampaignEvents {

    private final Emitter<CampaignEvent> campaignEvents;
    private final Emitter<BuildRequested> buildRequests;
    private final AfterCommit afterCommit;

    public CampaignEvents(@Channel("campaign-events") Emitter<CampaignEvent> campaignEvents,
            @Channel("build-requests") Emitter<BuildRequested> buildRequests, AfterCommit afterCommit) {
        this.campaignEvents = campaignEvents;
        this.buildRequests = buildRequests;
        this.afterCommit = afterCommit;
    }

    /** Announces a change of {@code campaign} (its status and run count as they are now). */
    public void announce(Campaign campaign, CampaignEvent.Type type) {
        CampaignEvent event = CampaignEvent.of(campaign.id, campaign.cluster, type, campaign.status.name(),
                campaign.totalRuns);
        afterCommit.run(() -> send(campaignEvents, campaign.id, event));
    }

    /** Asks the build service for the campaign's image on the campaign's cluster. */
    public void requestBuild(Campaign campaign) {
        BuildRequested request = BuildRequested.of(campaign.id, campaign.repoUrl, campaign.ref, campaign.workdir,
                campaign.baseImage, campaign.buildCommand, campaign.dockerHost, campaign.registry, campaign.cluster,
                campaign.dockerTls);
        afterCommit.run(() -> send(buildRequests, campaign.id, request));
    }

    private static <T> void send(Emitter<T> emitter, String key, T payload) {
        emitter.send(Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .withNack(failure -> {
                    Log.errorf(failure, "could not publish %s for campaign %s", payload.getClass().getSimpleName(),
                            key);
                    return CompletableFuture.completedFuture(null);
                }));
    }
}
