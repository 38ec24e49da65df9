package io.simswarm.scheduler.run;

/** Where a run stands. */
public enum RunState {
    /** Waiting for a worker. */
    PENDING,
    /** Leased by a worker that runs it. */
    RUNNING,
    /** Ran successfully and uploaded its results; waiting for the results service to announce them. */
    UPLOADED,
    /** Its results are stored. */
    SUCCEEDED,
    /** Failed on every attempt of its budget. */
    FAILED,
    /** The campaign was cancelled before the run ended. */
    CANCELLED;

    public boolean terminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
