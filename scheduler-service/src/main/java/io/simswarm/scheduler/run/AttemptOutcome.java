package io.simswarm.scheduler.run;

/** How an attempt ended. */
public enum AttemptOutcome {
    /** Exit code 0 and the upload went through. */
    SUCCEEDED,
    /** Non-zero exit, timeout or failed upload. */
    FAILED,
    /** The worker stopped sending heartbeats; the lease expired. */
    LOST,
    /** The lease was withdrawn: the campaign was cancelled or the run's results were stored meanwhile. */
    WITHDRAWN
}
