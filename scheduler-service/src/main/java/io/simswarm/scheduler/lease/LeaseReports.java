package io.simswarm.scheduler.lease;

import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignLifecycle;
import io.simswarm.scheduler.run.Attempt;
import io.simswarm.scheduler.run.AttemptOutcome;
import io.simswarm.scheduler.run.Run;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Records how a leased run ended, as its worker reports it. */
@ApplicationScoped
public class LeaseReports {

    private static final int LOG_TAIL_CHARS = 8_000;

    private final CampaignLifecycle lifecycle;
    private final BatchSizer batches;

    public LeaseReports(CampaignLifecycle lifecycle, BatchSizer batches) {
        this.lifecycle = lifecycle;
        this.batches = batches;
    }

    /**
     * Closes an open attempt as its worker reported; the run follows when this is its latest attempt: UPLOADED after
     * a success (the results service announces the stored results), back to the queue or FAILED after a failure,
     * which may end the campaign (the caller then holds the campaign's lock).
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
        boolean changed = run.attemptFailed("Attempt " + attempt.number + " on " + attempt.worker + " "
                + report.failure(campaign.runTimeoutSeconds) + "; last lines of its output:\n" + attempt.logTail,
                campaign.retries);
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
