package io.simswarm.scheduler.campaign;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a campaign stands. A campaign is created BUILDING (its submission); {@link CampaignLifecycle} moves it on,
 * along the transitions {@link #canBecome} allows.
 */
public enum CampaignStatus {
    /** Submitted; its image is being built. */
    BUILDING,
    /** Built; its run numbers are being listed by the simulation. */
    EXPANDING,
    /** Its runs are dispatched to the cluster. */
    RUNNING,
    /** Every run's results are stored. */
    SUCCEEDED,
    /** The build, the expansion, the workers or at least one run failed. */
    FAILED,
    /** Cancelled by a user. */
    CANCELLED;

    /** True once nothing more happens to the campaign by itself. */
    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** Whether a campaign in this status may move to {@code next}. */
    public boolean canBecome(CampaignStatus next) {
        return successors().contains(next);
    }

    private Set<CampaignStatus> successors() {
        return switch (this) {
            case BUILDING -> EnumSet.of(EXPANDING, FAILED, CANCELLED);
            case EXPANDING -> EnumSet.of(RUNNING, FAILED, CANCELLED);
            case RUNNING -> EnumSet.of(SUCCEEDED, FAILED, CANCELLED);
            case FAILED -> EnumSet.of(RUNNING); // retry-failed
            case SUCCEEDED, CANCELLED -> EnumSet.noneOf(CampaignStatus.class);
        };
    }
}
