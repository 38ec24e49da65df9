package io.simswarm.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A request to build a simulation project into an image.
 *
 * @param version      event format version, {@link EventVersion#CURRENT}
 * @param eventId      unique id of this event; redeliveries carry the same id
 * @param campaignId   the campaign that needs the image; the answer carries it back
 * @param repoUrl      any git URL JGit can clone (https, ssh, file)
 * @param ref          branch, tag or commit; null means the default branch
 * @param workdir      folder inside the repository where the build command runs; null means the root
 * @param baseImage    image to build on; null means the build service's default
 * @param buildCommand shell command that compiles the project; null means the build service's default
 * @param dockerHost   Docker endpoint of the target cluster (unix:// or tcp://); null means the local engine
 * @param registry     registry (host:port) the image is pushed to for multi-node clusters; null for none
 * @param requestedAt  when the request was made
 * @param cluster      name of the target cluster at the provisioner; null means the local engine (events written
 *                     before this field was added read as null)
 * @param dockerTls    true when {@code dockerHost} needs the cluster's client certificates, which the build service
 *                     fetches from the provisioner by {@code cluster} (older events read as false)
 */
public record BuildRequested(
        int version,
        UUID eventId,
        String campaignId,
        String repoUrl,
        String ref,
        String workdir,
        String baseImage,
        String buildCommand,
        String dockerHost,
        String registry,
        Instant requestedAt,
        String cluster,
        boolean dockerTls) implements Event {

    public static BuildRequested of(String campaignId, String repoUrl, String ref, String workdir,
            String baseImage, String buildCommand, String dockerHost, String registry, String cluster,
            boolean dockerTls) {
        return new BuildRequested(EventVersion.CURRENT, UUID.randomUUID(), campaignId, repoUrl, ref, workdir,
                baseImage, buildCommand, dockerHost, registry, Instant.now(), cluster, dockerTls);
    }
}
