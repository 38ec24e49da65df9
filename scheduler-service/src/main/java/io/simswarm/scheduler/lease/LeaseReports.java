package io.simswarm.scheduler.lease;

import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignLifecycle;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.run.Attempt;
import io.simswarm.scheduler.run.AttemptOutcome;
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
     * whose upload failed was failed by the system: it goes back to the queue without spending its budget.
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
        String reason = "Attempt " + attempt.number + " on " + attempt.worker + " "
                + report.failure(campaign.runTimeoutSeconds) + "; last lines of its output:\n" + attempt.logTail;
        boolean changed = report.lostToSystem() ? run.attemptLostToSystem(reason, config.lease().maxSystemFailures())
                : run.attemptFailed(reason, campaign.retries);
        if (changed) {
            lifecycle.completeIfDone(campaign);
        }
    }

    private static String tail(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= LOG_TAIL_CHARS ? text : text.substring(text.length() - LOG_TAIL_CHARS);
    }
}
