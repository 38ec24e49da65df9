package io.simswarm.imagebuild.messaging;

import io.simswarm.commons.messaging.Outbox;
import io.simswarm.events.BuildFinished;
import io.simswarm.events.Topics;
import io.simswarm.imagebuild.job.Build;
import io.simswarm.imagebuild.job.BuildStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Announces {@link BuildFinished} on {@code build-results}, keyed by campaign id, for the builds a campaign asked
 * for, in the transaction that records the build's outcome (through the outbox: at least once).
 */
@ApplicationScoped
public class BuildResults {

    private final Outbox outbox;

    public BuildResults(Outbox outbox) {
        this.outbox = outbox;
    }

    /** Announces the outcome of {@code build}, which this transaction records. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Build build) {
        if (build.campaignId == null || !build.status.isFinished()) {
            return;
        }
        BuildFinished event = build.status == BuildStatus.SUCCEEDED
                ? BuildFinished.success(build.campaignId, build.id.toString(), build.commit, build.image,
                        build.imageDigest, build.baseImageDigest, build.imageWorkdir, build.cached)
                : BuildFinished.failure(build.campaignId, build.id.toString(), build.commit, build.error);
        outbox.publish(Topics.BUILD_RESULTS, build.campaignId, event);
    }
}
