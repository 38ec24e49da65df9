package io.simswarm.scheduler.campaign;

/** Where a campaign stands. */
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
}
