package io.simswarm.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The outcome of a build requested by {@link BuildRequested}.
 *
 * @param version    event format version, {@link EventVersion#CURRENT}
 * @param eventId    unique id of this event
 * @param campaignId campaign id copied from the request
 * @param buildId    id of the build record (GET /builds/{id} on the build service)
 * @param succeeded  true when {@code image} is ready on the cluster
 * @param commit     full commit sha the ref resolved to; null if resolution failed
 * @param image      image reference to run (registry-qualified when pushed); null on failure
 * @param imageDigest the image's content digest ({@code sha256:…}): the registry's manifest digest when pushed, the
 *                   engine's image id otherwise; null on failure
 * @param baseImageDigest the id ({@code sha256:…}) of the base image the image was built on; null when unknown
 * @param workdir    folder inside the image where the project was built, the runs' working directory
 * @param error      human-readable reason of a failure (with the build log tail); null on success
 * @param cached     true when an earlier build of the same commit and spec was reused
 * @param finishedAt when the build ended
 */
public record BuildFinished(
        int version,
        UUID eventId,
        String campaignId,
        String buildId,
        boolean succeeded,
        String commit,
        String image,
        String imageDigest,
        String baseImageDigest,
        String workdir,
        String error,
        boolean cached,
        Instant finishedAt) implements Event {

    public static BuildFinished success(String campaignId, String buildId, String commit, String image,
            String imageDigest, String baseImageDigest, String workdir, boolean cached) {
        return new BuildFinished(EventVersion.CURRENT, UUID.randomUUID(), campaignId, buildId, true, commit, image,
                imageDigest, baseImageDigest, workdir, null, cached, Instant.now());
    }

    public static BuildFinished failure(String campaignId, String buildId, String commit, String error) {
        return new BuildFinished(EventVersion.CURRENT, UUID.randomUUID(), campaignId, buildId, false, commit, null,
                null, null, null, error, false, Instant.now());
    }
}
