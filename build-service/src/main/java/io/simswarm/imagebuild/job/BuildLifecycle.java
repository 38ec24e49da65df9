package io.simswarm.imagebuild.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.simswarm.imagebuild.messaging.BuildResults;
import io.simswarm.imagebuild.queue.Claim;
import io.simswarm.imagebuild.queue.ClaimLost;
import io.simswarm.imagebuild.spec.BuildKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The state changes a worker makes to the build it claimed, each in its own transaction and only while the claim
 * holds. A finished build's result event is published in the transaction that records the outcome.
 */
@ApplicationScoped
public class BuildLifecycle {

    /** What a waiting build needs to know of the build it waits for. */
    public record Peek(BuildStatus status, boolean stale, String error) {
    }

    private final BuildResults results;

    public BuildLifecycle(BuildResults results) {
        this.results = results;
    }

    /** The claimed build, or empty when the claim no longer holds. */
    public Optional<Build> load(Claim claim) {
        return QuarkusTransaction.requiringNew().call(() -> Build.<Build>findByIdOptional(claim.buildId())
                .filter(build -> claim.claimId().equals(build.claimId)));
    }

    public void resolved(Claim claim, String commit, BuildKeys keys) {
        change(claim, build -> {
            build.commit = commit;
            build.specHash = keys.specHash();
            build.cacheKey = keys.cacheKey();
        });
    }

    public void building(Claim claim) {
        change(claim, build -> build.status = BuildStatus.BUILDING);
    }

    /** Records the outcome and publishes it (for builds a campaign asked for). */
    public void finish(Claim claim, BuildOutcome outcome) {
        change(claim, build -> {
            apply(build, outcome);
            results.publish(build);
        });
    }

    /** Fails a build nobody holds any more (its instance stopped too often). */
    public void failAbandoned(UUID buildId, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Build build = Build.findById(buildId);
            if (build == null || build.status.isFinished()) {
                return;
            }
            apply(build, BuildOutcome.failure(error));
            build.claimId = null;
            results.publish(build);
        });
    }

    /** The state of another build, for a build that waits for it. */
    public Optional<Peek> peek(UUID buildId, Duration staleAfter) {
        return QuarkusTransaction.requiringNew().call(() -> Build.<Build>findByIdOptional(buildId).map(build ->
                new Peek(build.status, build.heartbeatAt == null
                        || build.heartbeatAt.isBefore(Instant.now().minus(staleAfter)), build.error)));
    }

    private static void apply(Build build, BuildOutcome outcome) {
        build.status = outcome.succeeded() ? BuildStatus.SUCCEEDED : BuildStatus.FAILED;
        build.image = outcome.image();
        build.imageDigest = outcome.imageDigest();
        build.baseImageDigest = outcome.baseImageDigest();
        build.imageWorkdir = outcome.imageWorkdir();
        build.cached = outcome.cached();
        build.error = outcome.error();
        build.finishedAt = Instant.now();
    }

    private static Build change(Claim claim, Consumer<Build> change) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Build build = Build.findById(claim.buildId());
            if (build == null || !claim.claimId().equals(build.claimId) || build.status.isFinished()) {
                throw new ClaimLost(claim);
            }
            change.accept(build);
            return build;
        });
    }
}
