package io.simswarm.scheduler.docker;

import java.util.Map;

/** Labels on the Swarm services (and their containers) the scheduler creates. */
public final class Labels {

    /** The campaign a service belongs to. */
    public static final String CAMPAIGN = "io.simswarm.campaign";
    /** What a service does: {@link #EXPAND} or {@link #WORKERS}. */
    public static final String ROLE = "io.simswarm.role";
    /** Which worker service of the campaign (1 for the first, counting up on re-creation). */
    public static final String GENERATION = "io.simswarm.generation";

    public static final String EXPAND = "expand";
    public static final String WORKERS = "workers";

    private Labels() {
    }

    public static Map<String, String> of(String campaignId, String role) {
        return Map.of(CAMPAIGN, campaignId, ROLE, role);
    }

    public static Map<String, String> of(String campaignId) {
        return Map.of(CAMPAIGN, campaignId);
    }
}
