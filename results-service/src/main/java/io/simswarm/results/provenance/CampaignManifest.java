package io.simswarm.results.provenance;

import java.util.List;

/**
 * A campaign's provenance: how its image was built and how each run with stored results was made. Two campaigns of
 * the same commit and build spec differ in their ids and runs' times and workers; they are identical in inputs when
 * {@code build} (but ids and times; its image and base image digests included) and each run's command (but the result directory), config, itervars and seed set
 * are.
 */
public record CampaignManifest(String campaignId, String cluster, String status, BuildProvenance build,
        List<RunProvenance> runs) {
}
