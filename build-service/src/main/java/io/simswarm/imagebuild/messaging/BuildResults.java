package io.simswarm.build.messaging;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.simswarm.build.Build;
import io.simswarm.build.BuildStatus;
import io.simswarm.events.BuildFinished;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Publishes {@link BuildFinished} on {@code build-results}, keyed by campaign id, for builds a campaign asked for.
 * The time Kafka acknowledged the event is stored with the build; events that were not acknowledged are
 * published again ({@link #republishUnsent}), so each finished build is announced at least once.
 */
@ApplicationScoped
public class BuildResults {

    private final Emitter<BuildFinished> emitter;

    public BuildResults(@Channel("build-results") Emitter<BuildFinished> emitter) {
        this.emitter = emitter;
    }

    /** Publishes the outcome of {@code build}; call it after the outcome was committed. */
    public void publish(Build build) {
        if (build.campaignId == null || !build.status.isFinished()) {
            return;
        }
        BuildFinished event = build.status == BuildStatus.SUCCEEDED
                ? BuildFinished.success(build.campaignId, build.id.toString(), build.commit, build.image,
                        build.imageWorkdir, build.cached)
                : BuildFinished.failure(build.campaignId, build.id.toString(), build.commit, build.error);
        UUID buildId = build.id;
        Message<BuildFinished> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(build.campaignId).build())
                .withAck(() -> CompletableFuture.runAsync(() -> markSent(buildId), Infrastructure.getDefaultWorkerPool()))
                .withNack(failure -> {
                    Log.warnf("the result of build %s was not published (%s); it is published again later",
                            buildId, failure.getMessage());
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
    }

    /** Publishes again the results that Kafka did not acknowledge within {@code olderThan} of the build's end. */
    public void republishUnsent(Duration olderThan) {
        List<Build> unsent = QuarkusTransaction.requiringNew().call(() -> Build.<Build>list(
                "campaignId is not null and resultSentAt is null and finishedAt < ?1", Instant.now().minus(olderThan)));
        for (Build build : unsent) {
            Log.infof("publishing the result of build %s again", build.id);
            publish(build);
        }
    }

    private static void markSent(UUID buildId) {
        QuarkusTransaction.requiringNew().run(() -> Build.update("resultSentAt = ?1 where id = ?2", Instant.now(), buildId));
    }
}
