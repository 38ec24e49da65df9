package io.simswarm.scheduler.campaign;

import io.simswarm.scheduler.run.RunState;
import java.util.Map;

/**
 * How many of a campaign's runs are in which state.
 *
 * @param total     all runs
 * @param pending   waiting for a worker (including runs waiting for a retry)
 * @param running   leased by a worker, or run and uploaded and waiting for the results service
 * @param succeeded results stored
 * @param failed    failed on every attempt
 * @param cancelled not finished when the campaign was cancelled
 */
public record RunCounts(int total, int pending, int running, int succeeded, int failed, int cancelled) {

    public static final RunCounts NONE = new RunCounts(0, 0, 0, 0, 0, 0);

    public static RunCounts of(Map<RunState, Integer> byState) {
        int pending = byState.getOrDefault(RunState.PENDING, 0);
        int running = byState.getOrDefault(RunState.RUNNING, 0) + byState.getOrDefault(RunState.UPLOADED, 0);
        int succeeded = byState.getOrDefault(RunState.SUCCEEDED, 0);
        int failed = byState.getOrDefault(RunState.FAILED, 0);
        int cancelled = byState.getOrDefault(RunState.CANCELLED, 0);
        return new RunCounts(pending + running + succeeded + failed + cancelled, pending, running, succeeded, failed,
                cancelled);
    }
}
