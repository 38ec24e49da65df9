package io.simswarm.imagebuild.rest;

import io.simswarm.imagebuild.job.BuildStatus;
import java.util.UUID;

/** Answer to {@code POST /builds}: follow the build at {@code GET /builds/{id}}. */
public record BuildAccepted(UUID id, BuildStatus status) {
}
