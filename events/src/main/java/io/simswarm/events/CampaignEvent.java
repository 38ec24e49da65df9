package io.simswarm.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A change in a campaign's life.
 *
 * @param version    event format version, {@link EventVersion#CURRENT}
 * @param eventId    unique id of this event
 * @param campaignId the campaign
 * @param cluster    name of the cluster it runs on
 * @param type       {@link Type#SUBMITTED} when accepted, {@link Type#STARTED} when its runs are dispatched,
 *                   {@link Type#FINISHED} when it ended
 * @param status     the campaign status after the change (e.g. RUNNING, SUCCEEDED, FAILED, CANCELLED)
 * @param totalRuns  number of runs, 0 while not yet expanded
 * @param simulatorVersion what the simulation program answered to {@code -v} at expansion (for OMNeT++ e.g.
 *                   {@code OMNeT++ 6.1, build: 241008-f7568267cd}); null before expansion or when it answered nothing
 * @param at         when it happened
 */
public record CampaignEvent(
        int version,
        UUID eventId,
        String campaignId,
        String cluster,
        Type type,
        String status,
        int totalRuns,
        String simulatorVersion,
        Instant at) implements Event {

    /** What happened to the campaign. */
    public enum Type {
        SUBMITTED, STARTED, FINISHED
    }

    public static CampaignEvent of(String campaignId, String cluster, Type type, String status, int totalRuns,
            String simulatorVersion) {
        return new CampaignEvent(EventVersion.CURRENT, UUID.randomUUID(), campaignId, cluster, type, status, totalRuns,
                simulatorVersion, Instant.now());
    }
}
