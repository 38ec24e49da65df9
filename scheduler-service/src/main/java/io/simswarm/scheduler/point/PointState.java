package io.simswarm.scheduler.point;

/** Where a parameter point of a campaign with precision targets stands. */
public enum PointState {
    /** More repetitions may come: its runs are under way, or its confidence intervals are still too wide. */
    OPEN,
    /** Every target is met. */
    MET,
    /** The most repetitions were run without meeting every target. */
    BUDGET,
    /** A targeted scalar is in none of the point's results: more repetitions cannot help. */
    NO_DATA
}
