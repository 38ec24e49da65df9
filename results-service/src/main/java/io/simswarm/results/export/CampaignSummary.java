package io.simswarm.results.export;

import java.time.Instant;

/**
 * A campaign as the results service sees it.
 *
 * @param id          campaign id
 * @param cluster     cluster it runs on (from campaign events; null when unknown)
 * @param status      last announced status (null when only uploads are known)
 * @param totalRuns   number of runs announced by the scheduler (0 when unknown)
 * @param storedRuns  runs with stored results
 * @param scalars     scalars stored over all runs
 * @param parseErrors parse errors over all runs
 * @param updatedAt   last change of the campaign record
 */
public record CampaignSummary(String id, String cluster, String status, int totalRuns, long storedRuns, long scalars,
        long parseErrors, Instant updatedAt) {
}
