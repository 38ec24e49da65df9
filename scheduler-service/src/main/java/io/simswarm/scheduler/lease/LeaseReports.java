package io.simswarm.scheduler.lease;

import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignLifecycle;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.run.Attempt;
import io.simswarm.scheduler.run.AttemptOutcome;
import io.simswarm.scheduler.run.Failure;
import io.simswarm.scheduler.run.FailureClass;
import io.simswarm.scheduler.run.Run;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Records how a leased run ended, as its worker reports it. */
@ApplicationScoped
public class LeaseReports {

    private static final int LOG_TAIL_CHARS = 8_000;

    private final SchedulerConfig config;
    private final CampaignLifecycle lifecycle;
    private final BatchSizer batches;

    public LeaseReports(SchedulerConfig config, CampaignLifecycle lifecycle, BatchSizer batches) {
        this.config = config;
        this.lifecycle = lifecycle;
        this.batches = batches;
    }

    /**
     * Closes an open attempt as its worker reported; the run follows when this is its latest attempt: UPLOADED after
     * a success (the results service announces the stored results), back to the queue or FAILED after a failure,
     * which may end the campaign (the caller then holds the campaign's lock). A run whose simulation succeeded but
     * whose upload failed, or that its worker stopped when asked to (X-Stopped), was failed by the system: it goes
     * back to the queue without spending its budget. Other failures are classified ({@link Failure}): a model error
     * fails the run at once, the others are retried while the budget lasts, unless one of the campaign's exit rules
     * says otherwise.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void record(Campaign campaign, Run run, Attempt attempt, FinishReport report) {
        attempt.reported(report.exitCode(), report.durationMs(), report.upload(), tail(report.logTail()));
        attempt.close(report.succeeded() ? AttemptOutcome.SUCCEEDED : AttemptOutcome.FAILED);
        batches.finished(campaign.id, report.durationMs());
        if (run.attempts != attempt.number) {
            return;
        }
        run.ended(report.exitCode(), report.durationMs());
        if (report.succeeded()) {
            run.uploaded();
            return;
        }
        boolean changed;
        if (report.lostToSystem()) {
            attempt.failed(FailureClass.SYSTEM, report.stopped()
                    ? "Stopped: the run " + report.failure(campaign.runTimeoutSeconds) + "." : null);
            changed = run.attemptLostToSystem(reason(attempt, report.failure(campaign.runTimeoutSeconds)),
                    config.lease().maxSystemFailures());
        } else {
            Failure failure = Failure.of(report.exitCode(), report.logTail(), campaign.runTimeoutSeconds,
                    campaign.exitRules);
            attempt.failed(failure.failureClass(), failure.message());
            String what = failure.failureClass() == FailureClass.MODEL_ERROR
                    ? "stopped with a model error (exit code " + report.exitCode() + "): " + failure.message()
                    : report.failure(campaign.runTimeoutSeconds);
            String consequence = failure.consequence();
            changed = run.attemptFailed(failure, reason(attempt, consequence.isEmpty() ? what
                    : what + "; " + consequence), campaign.retries);
        }
        if (changed) {
            lifecycle.completeIfDone(campaign);
        }
    }

    private static String reason(Attempt attempt, String what) {
        return "Attempt " + attempt.number + " on " + attempt.worker + " " + what + "; last lines of its output:\n"
                + attempt.logTail;
    }

    private static String tail(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= LOG_TAIL_CHARS ? text : text.substring(text.length() - LOG_TAIL_CHARS);
    }
}
