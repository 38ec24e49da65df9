package io.simswarm.scheduler.run;

import java.time.Instant;

/** One attempt of a run as the API shows it. */
public record AttemptView(int number, String worker, Instant startedAt, Instant finishedAt, AttemptOutcome outcome,
        Integer exitCode, Long durationMs, String upload, FailureClass failureClass, String failureMessage,
        String logTail) {

    public static AttemptView of(Attempt a) {
        return new AttemptView(a.number, a.worker, a.startedAt, a.finishedAt, a.outcome, a.exitCode, a.durationMs,
                a.upload, a.failureClass, a.failureMessage, a.logTail);
    }
}
