package io.simswarm.scheduler.lease;

/**
 * How a leased run ended, as the worker reports it.
 *
 * @param exitCode   the simulation's exit code (124 after a timeout)
 * @param durationMs how long the run took
 * @param upload     {@code ok}, {@code failed} or {@code skipped}
 * @param logTail    the last lines of the run's output
 */
public record FinishReport(int exitCode, long durationMs, String upload, String logTail) {

    /** The output is kept without NUL characters, which a simulation may print and PostgreSQL's text cannot hold. */
    public FinishReport {
        logTail = logTail == null ? null : logTail.replace("\u0000", "");
    }

    public boolean succeeded() {
        return exitCode == 0 && "ok".equals(upload);
    }

    /** The simulation succeeded but its results could not be uploaded: the system failed, not the run. */
    public boolean lostToSystem() {
        return exitCode == 0 && "failed".equals(upload);
    }

    /** What went wrong, in words. */
    public String failure(int timeoutSeconds) {
        if (exitCode == 124 && timeoutSeconds > 0) {
            return "timed out after " + timeoutSeconds + " s";
        }
        if (exitCode == 0) {
            return "the upload of its results " + ("failed".equals(upload) ? "failed" : "was " + upload);
        }
        return "exited with code " + exitCode;
    }
}
