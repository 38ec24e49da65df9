package io.simswarm.imagebuild.rest;

import io.simswarm.imagebuild.job.Build;
import io.simswarm.imagebuild.job.BuildStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A build as {@code GET /builds/{id}} shows it. */
@Schema(description = "A build and its outcome")
public record BuildView(
        UUID id,
        BuildStatus status,
        String repoUrl,
        @Schema(description = "The ref as requested; null for the default branch")
        String ref,
        @Schema(description = "Full commit sha the ref resolved to")
        String commit,
        @Schema(description = "Image to run, registry-qualified when it was pushed")
        String image,
        @Schema(description = "Content digest of the image: the registry's manifest digest when it was pushed, the"
                + " engine's image id otherwise")
        String imageDigest,
        @Schema(description = "Id of the base image the image was built on")
        String baseImageDigest,
        @Schema(description = "Why the build failed (with the last lines of the log for a failing build command)")
        String error,
        Instant createdAt,
        Instant finishedAt,
        String workdir,
        @Schema(description = "Absolute workdir inside the image: the runs' working directory")
        String imageWorkdir,
        String baseImage,
        String buildCommand,
        String dockerHost,
        String registry,
        @Schema(description = "Cluster the Docker endpoint belongs to; null when the request named none")
        String cluster,
        @Schema(description = "True when the endpoint is reached with the cluster's client certificates")
        boolean dockerTls,
        @Schema(description = "True when an image built before (or by an identical concurrent build) was reused")
        boolean cached,
        @Schema(description = "Campaign that requested the build over Kafka; null for REST requests")
        String campaignId,
        Instant startedAt,
        @Schema(description = "Who queued the build over REST (the token's subject); null for a campaign's build")
        String owner) {

    public static BuildView of(Build b) {
        return new BuildView(b.id, b.status, b.repoUrl, b.ref, b.commit, b.image, b.imageDigest,
                b.baseImageDigest, b.error, b.createdAt, b.finishedAt,
                b.workdir, b.imageWorkdir, b.baseImage, b.buildCommand, b.dockerHost, b.registry, b.cluster,
                b.dockerTls, b.cached, b.campaignId, b.startedAt, b.owner);
    }
}
