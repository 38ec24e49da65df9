package io.simswarm.results.provenance;

import java.time.Instant;
import java.util.Map;

/**
 * How one run was made: what its result files say (run id, config, itervars in ini order, seed set) and what its
 * runner recorded (the exact command line, worker, attempt, start, end, exit code, runner version). Null fields were
 * not recorded (uploads of runners that did not write {@code simswarm-run.json}).
 */
public record RunProvenance(int run, String runId, String config, Integer repetition, Map<String, String> itervars,
        String seedset, String command, String worker, String host, Integer attempt, Instant startedAt,
        Instant finishedAt, Long durationMs, Integer exitCode, String runner, long uploadId, Instant uploadedAt) {
}
