package io.simswarm.scheduler.lease;

import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.point.PointLedger;
import io.simswarm.scheduler.run.Attempt;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunLedger;
import io.simswarm.scheduler.run.RunState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Hands PENDING runs to workers: one at a time, or short runs in batches ({@link BatchSizer}); tells a worker to
 * wait while runs in flight may come back, and that it is done when none is left.
 */
@ApplicationScoped
public class LeaseGrants {

    private final SchedulerConfig config;
    private final RunLedger runs;
    private final LeaseTokens tokens;
    private final TaskUrls urls;
    private final BatchSizer batches;
    private final PointLedger points;

    public LeaseGrants(SchedulerConfig config, RunLedger runs, LeaseTokens tokens, TaskUrls urls,
            BatchSizer batches, PointLedger points) {
        this.points = points;
        this.config = config;
        this.runs = runs;
        this.tokens = tokens;
        this.urls = urls;
        this.batches = batches;
    }

    /** The next lease answer for {@code worker}, which can take up to {@code maxRuns} runs ({@code X-Lease-Max}). */
    @Transactional(Transactional.TxType.MANDATORY)
    LeaseAnswer next(Campaign campaign, String worker, int maxRuns) {
        if (campaign.status != CampaignStatus.RUNNING) {
            return new LeaseAnswer.Done();
        }
        String campaignId = campaign.id;
        int size = batches.size(campaignId, maxRuns, () -> runs.count(campaignId, RunState.PENDING),
                campaign.maxParallel);
        List<Run> pending = runs.lockPending(campaignId, worker, config.lease().retryElsewhereFor(), size);
        if (pending.isEmpty()) {
            // runs in flight may come back, a run this worker just failed is left to others for a while, and a point
            // whose confidence interval is still too wide may get more repetitions
            boolean more = runs.count(campaignId, RunState.RUNNING) > 0 || runs.count(campaignId, RunState.PENDING) > 0
                    || campaign.until != null && points.anyOpen(campaignId);
            return more ? new LeaseAnswer.Wait(config.lease().waitSeconds()) : new LeaseAnswer.Done();
        }
        Instant now = Instant.now();
        List<LeaseAnswer.Granted> granted = new ArrayList<>(pending.size());
        for (Run run : pending) {
            Attempt lease = runs.lease(run, worker, now, LeaseExpiry.ttl(config));
            granted.add(new LeaseAnswer.Granted(lease.id, run.runNumber, lease.number,
                    tokens.uploadToken(campaignId, run.runNumber), urls.uploadUrl(campaignId, run.runNumber),
                    config.lease().heartbeatSeconds()));
        }
        return new LeaseAnswer.Leases(granted, urls.groupUploadUrl(campaignId));
    }
}
