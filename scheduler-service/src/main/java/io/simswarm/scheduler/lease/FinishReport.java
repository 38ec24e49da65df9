package io.simswarm.scheduler.lease;

/**
 * How a leased run ended, as the worker reports it.
 *
 * @param exitCode   the simulation's exit code (124 after a timeout)
 * @param durationMs how long the run took
 * @param upload     {@code ok}, {@code failed} or {@code skipped}
 * @param logTail    the last lines of the run's output
 * @param stopped    the worker was asked to stop (its task stopped, its node drained) and ended the run itself
 */
public record FinishReport(int exitCode, long durationMs, String upload, String logTail, boolean stopped) {

    /** The output is kept without NUL characters, which a simulation may print and PostgreSQL's text cannot hold. */
    public FinishReport {
        logTail = logTail == null ? null : logTail.replace("\u0000", "");
    }

    public boolean succeeded() {
        return exitCode == 0 && "ok".equals(upload);
    }

    /** A run that ended on its own (not stopped by its worker). */
    public FinishReport(int exitCode, long durationMs, String upload, String logTail) {
        this(exitCode, durationMs, upload, logTail, false);
    }

    /**
     * The system failed, not the run: the simulation succeeded but its results could not be uploaded, or the worker
     * was stopped before the run could end.
     */
    public boolean lostToSystem() {
        return !succeeded() && (stopped || exitCode == 0 && "failed".equals(upload));
    }

    /** What went wrong, in words. */
    public String failure(int timeoutSeconds) {
        if (stopped && !succeeded()) {
            return "was stopped with its worker (its task was stopped or its node drained)";
        }
        if (exitCode == 124 && timeoutSeconds > 0) {
            return "timed out after " + timeoutSeconds + " s";
        }
        if (exitCode == 0) {
            return "the upload of its results " + ("failed".equals(upload) ? "failed" : "was " + upload);
        }
        return "exited with code " + exitCode;
    }
}
