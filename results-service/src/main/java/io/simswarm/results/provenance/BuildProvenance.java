package io.simswarm.results.provenance;

import java.time.Instant;

/**
 * How a campaign's image was built, as the build request and its result said: the repository URL (never with
 * credentials), the ref asked for and the commit it resolved to, the build spec (workdir, base image, build command),
 * the build id, the image that ran the campaign's runs with its content digest ({@code imageDigest}: the registry's
 * manifest digest when pushed, else the engine's image id) and the base image's id ({@code baseImageDigest}), and
 * what the simulation program in it reported as its version when the campaign was expanded
 * ({@code simulatorVersion}, e.g. {@code OMNeT++ 6.1, build: 241008-f7568267cd}). Null fields were not announced
 * (yet).
 */
public record BuildProvenance(String repoUrl, String ref, String commit, String workdir, String baseImage,
        String buildCommand, String buildId, String image, String imageDigest, String baseImageDigest,
        String simulatorVersion, Boolean buildReused, Instant requestedAt, Instant finishedAt) {
}
