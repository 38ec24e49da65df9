package io.simswarm.scheduler.lease;

import io.quarkus.logging.Log;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.run.Attempt;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The scheduler side of the pilot lease protocol (docs/architecture.md), one transaction per call: workers lease
 * PENDING runs ({@link LeaseGrants}), keep their leases alive with heartbeats ({@link LeaseExpiry}) and report how
 * the runs ended ({@link LeaseReports}); every call is authorised by the campaign's lease token ({@link LeaseTokens}).
 */
@ApplicationScoped
public class LeaseService {

    private final EntityManager entityManager;
    private final LeaseTokens tokens;
    private final LeaseGrants grants;
    private final LeaseReports reports;
    private final LeaseExpiry expiry;
    private final RunLedger runs;

    public LeaseService(EntityManager entityManager, LeaseTokens tokens, LeaseGrants grants, LeaseReports reports,
            LeaseExpiry expiry, RunLedger runs) {
        this.entityManager = entityManager;
        this.tokens = tokens;
        this.grants = grants;
        this.reports = reports;
        this.expiry = expiry;
        this.runs = runs;
    }

    /**
     * Hands the next PENDING runs of the campaign to {@code worker}: one, or a batch of short runs when the worker
     * can take several ({@code maxRuns}, its {@code X-Lease-Max}; see {@link BatchSizer}).
     */
    @Transactional
    public LeaseAnswer lease(String campaignId, String token, String worker, int maxRuns) {
        return grants.next(tokens.authorized(campaignId, token, false), worker, maxRuns);
    }

    /** Keeps a lease alive; false when it was withdrawn or has expired (the worker must stop the run). */
    @Transactional
    public boolean heartbeat(String campaignId, String token, UUID leaseId) {
        Campaign campaign = tokens.authorized(campaignId, token, false);
        attempt(campaignId, leaseId);
        return campaign.status == CampaignStatus.RUNNING && expiry.renew(campaignId, leaseId);
    }

    /**
     * Records how a leased run ended and, when {@code worker} is not null, hands that worker its next run in the same
     * transaction (one round trip per run instead of two). A success only touches the run (locked), so finishing
     * workers do not queue up behind each other; a failure may end the campaign and takes the campaign's lock
     * first, in the same order as every other writer.
     *
     * @return whether the lease was still held (if not, the report is ignored and no run is handed out), and the
     *         next lease answer when one was asked for
     */
    @Transactional
    public Finished finish(String campaignId, String token, UUID leaseId, FinishReport report, String worker,
            int maxRuns) {
        Campaign campaign = tokens.authorized(campaignId, token, !report.succeeded());
        Attempt attempt = attempt(campaignId, leaseId);
        Run run = runs.lockRunOf(attempt); // and reads the attempt again under the run's lock
        if (!attempt.open()) {
            return new Finished(false, null);
        }
        reports.record(campaign, run, attempt, report);
        return new Finished(true, worker == null ? null : grants.next(campaign, worker, maxRuns));
    }

    /**
     * Records the ends of several runs that succeeded (a worker's batch) and, when {@code worker} is not null, hands
     * that worker its next runs in the same transaction. Reports of leases no longer held, or not of this campaign,
     * are skipped. The runs are locked in the order of their numbers, as every writer that locks several runs does.
     *
     * @return the next lease answer when one was asked for, else null
     */
    @Transactional
    public LeaseAnswer finishAll(String campaignId, String token, Map<UUID, FinishReport> reported, String worker,
            int maxRuns) {
        Campaign campaign = tokens.authorized(campaignId, token, false);
        reported.forEach((lease, report) -> {
            if (!report.succeeded()) {
                throw ApiException.badRequest("Lease " + lease + " did not succeed (exit code " + report.exitCode()
                        + ", upload " + report.upload() + "); report it with its own finish call and its log tail.");
            }
        });
        // a few statements for the whole batch: which runs the leases are of, those runs locked in the order of
        // their numbers, then the leases read under those locks
        List<Integer> runNumbers = reported.isEmpty() ? List.of() : entityManager.createQuery("select a.runNumber"
                + " from Attempt a where a.id in ?1 and a.campaignId = ?2", Integer.class)
                .setParameter(1, reported.keySet())
                .setParameter(2, campaignId)
                .getResultList();
        if (runNumbers.size() < reported.size()) {
            Log.warnf("campaign %s: %d of %d reported leases are not the campaign's; skipped", campaignId,
                    reported.size() - runNumbers.size(), reported.size());
        }
        Map<Long, Run> locked = new HashMap<>();
        runs.lock(campaignId, runNumbers).forEach(run -> locked.put(run.id, run));
        List<Attempt> attempts = runNumbers.isEmpty() ? List.of()
                : Attempt.list("id in ?1 and campaignId = ?2", reported.keySet(), campaignId);
        for (Attempt attempt : attempts) {
            if (!attempt.open()) {
                Log.infof("campaign %s: lease %s of run %d was no longer held; its report is skipped", campaignId,
                        attempt.id, attempt.runNumber);
                continue;
            }
            reports.record(campaign, locked.get(attempt.runId), attempt, reported.get(attempt.id));
        }
        return worker == null ? null : grants.next(campaign, worker, maxRuns);
    }

    /** The answer to a finish call: whether the lease was held, and the worker's next lease if it asked for one. */
    public record Finished(boolean held, LeaseAnswer next) {
    }

    private static Attempt attempt(String campaignId, UUID leaseId) {
        Attempt attempt = Attempt.findById(leaseId);
        if (attempt == null || !attempt.campaignId.equals(campaignId)) {
            throw ApiException.notFound("Campaign " + campaignId + " has no lease " + leaseId + ".");
        }
        return attempt;
    }
}
