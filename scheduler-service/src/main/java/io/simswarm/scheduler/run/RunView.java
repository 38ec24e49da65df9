package io.simswarm.scheduler.run;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run as the API shows it.
 *
 * @param runNumber  run number within the campaign's configuration
 * @param state      where the run stands
 * @param attempts   attempts made
 * @param node       worker (node host name and task slot) of the latest attempt
 * @param exitCode   exit code of the latest finished attempt
 * @param startedAt  start of the latest attempt
 * @param finishedAt end of the latest attempt
 * @param durationMs run time of the latest finished attempt as the worker measured it
 * @param failureClass why the latest attempt failed (MODEL_ERROR, TIMEOUT, EXIT_CODE, SYSTEM), null otherwise
 * @param error      for a failed run: what went wrong and the last lines of its output
 * @param itervars   the run's iteration variables by name, in OMNeT++'s order (empty when not recorded)
 */
public record RunView(int runNumber, RunState state, int attempts, String node, Integer exitCode, Instant startedAt,
        Instant finishedAt, Long durationMs, FailureClass failureClass, String error, Map<String, String> itervars) {

    public static RunView of(Run run) {
        Map<String, String> itervars = new LinkedHashMap<>();
        if (run.itervars != null) {
            run.itervars.forEach(v -> itervars.put(v.name(), v.value()));
        }
        return new RunView(run.runNumber, run.state, run.attempts, run.node, run.exitCode, run.startedAt,
                run.finishedAt, run.durationMs, run.failureClass, run.error, itervars);
    }
}
