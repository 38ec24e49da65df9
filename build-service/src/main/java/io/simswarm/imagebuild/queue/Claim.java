package io.simswarm.imagebuild.queue;

import java.util.UUID;

/**
 * A worker's hold on a build: every change the worker makes is conditional on {@code claimId}, so a worker whose
 * build was taken over (after its instance stopped sending heartbeats) cannot overwrite the new worker's state.
 */
public record Claim(UUID buildId, UUID claimId) {
}
