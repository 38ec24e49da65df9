package io.simswarm.scheduler.campaign;

import io.simswarm.scheduler.run.RunLedger;
import io.simswarm.scheduler.run.RunState;
import java.util.Map;

/**
 * How many of a campaign's runs are in which state.
 *
 * @param total     all runs
 * @param pending   waiting for a worker (including runs waiting for a retry)
 * @param running   being run by a worker (one per worker), or run and uploaded and waiting for the results service
 * @param queued    leased by a worker in a batch, waiting behind the run that worker is running
 * @param succeeded results stored
 * @param failed    failed on every attempt
 * @param cancelled not finished when the campaign was cancelled
 */
public record RunCounts(int total, int pending, int running, int queued, int succeeded, int failed, int cancelled) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0, 0);

    /** The counts of campaign {@code campaignId} now. */
    public static RunCounts now(RunLedger runs, String campaignId) {
        return of(runs.counts(campaignId), runs.busyWorkers(campaignId));
    }

    /**
     * Counts from the number of runs per state and the number of workers holding leases: a worker runs the runs of
     * its batch one after another, so of its leased runs one is running and the others are queued.
     */
    public static RunCounts of(Map<RunState, Integer> byState, int busyWorkers) {
        int pending = byState.getOrDefault(RunState.PENDING, 0);
        int leased = byState.getOrDefault(RunState.RUNNING, 0);
        int executing = Math.min(leased, Math.max(busyWorkers, 0));
        int running = executing + byState.getOrDefault(RunState.UPLOADED, 0);
        int queued = leased - executing;
        int succeeded = byState.getOrDefault(RunState.SUCCEEDED, 0);
        int failed = byState.getOrDefault(RunState.FAILED, 0);
        int cancelled = byState.getOrDefault(RunState.CANCELLED, 0);
        return new RunCounts(pending + running + queued + succeeded + failed + cancelled, pending, running, queued,
                succeeded, failed, cancelled);
    }
}
