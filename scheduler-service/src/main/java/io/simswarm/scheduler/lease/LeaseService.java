package io.simswarm.scheduler.lease;

import io.quarkus.logging.Log;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.events.RunToken;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignProgress;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.dispatch.TaskUrls;
import io.simswarm.scheduler.run.Attempt;
import io.simswarm.scheduler.run.AttemptOutcome;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The scheduler side of the pilot lease protocol (docs/architecture.md): workers lease PENDING runs (one at a
 * time, or short runs in batches), keep their leases alive with heartbeats and report how the runs ended; leases
 * whose heartbeats stop expire and their runs go back to the queue.
 */
@ApplicationScoped
public class LeaseService {

    private static final int LOG_TAIL_CHARS = 8_000;

    private final SchedulerConfig config;
    private final RunToken tokens;
    private final TaskUrls urls;
    private final EntityManager entityManager;
    private final CampaignProgress progress;
    private final BatchSizer batches;

    public LeaseService(SchedulerConfig config, TaskUrls urls, EntityManager entityManager,
            CampaignProgress progress, BatchSizer batches) {
        this.config = config;
        this.tokens = new RunToken(config.tokenSecret());
        this.urls = urls;
        this.entityManager = entityManager;
        this.progress = progress;
        this.batches = batches;
    }

    /**
     * Hands the next PENDING runs of the campaign to {@code worker}: one, or a batch of short runs when the worker
     * can take several ({@code maxRuns}, its {@code X-Lease-Max}; see {@link BatchSizer}).
     */
    @Transactional
    public LeaseAnswer lease(String campaignId, String token, String worker, int maxRuns) {
        return next(authorized(campaignId, token, false), worker, maxRuns);
    }

    private LeaseAnswer next(Campaign campaign, String worker, int maxRuns) {
        if (campaign.status != CampaignStatus.RUNNING) {
            return new LeaseAnswer.Done();
        }
        String campaignId = campaign.id;
        int size = batches.size(campaignId, maxRuns,
                () -> Run.count("campaignId = ?1 and state = ?2", campaignId, RunState.PENDING), campaign.maxParallel);
        List<Run> runs = nextPending(campaignId, size);
        if (runs.isEmpty()) {
            long inFlight = Run.count("campaignId = ?1 and state = ?2", campaignId, RunState.RUNNING);
            return inFlight > 0 ? new LeaseAnswer.Wait(config.lease().waitSeconds()) : new LeaseAnswer.Done();
        }
        Instant now = Instant.now();
        List<LeaseAnswer.Granted> granted = new ArrayList<>(runs.size());
        for (Run run : runs) {
            granted.add(grant(campaignId, run, worker, now));
        }
        return new LeaseAnswer.Leases(granted, urls.groupUploadUrl(campaignId));
    }

    private LeaseAnswer.Granted grant(String campaignId, Run run, String worker, Instant now) {
        run.state = RunState.RUNNING;
        run.attempts++;
        run.budgetUsed++;
        run.node = worker;
        run.startedAt = now;
        run.finishedAt = null;
        run.exitCode = null;
        run.durationMs = null;
        Attempt attempt = new Attempt();
        attempt.id = UUID.randomUUID();
        attempt.runId = run.id;
        attempt.campaignId = campaignId;
        attempt.runNumber = run.runNumber;
        attempt.number = run.attempts;
        attempt.worker = worker;
        attempt.startedAt = now;
        attempt.expiresAt = now.plus(ttl());
        attempt.persist();
        return new LeaseAnswer.Granted(attempt.id, run.runNumber, attempt.number,
                tokens.sign(campaignId, run.runNumber), urls.uploadUrl(campaignId, run.runNumber),
                config.lease().heartbeatSeconds());
    }

    /** Keeps a lease alive; false when it was withdrawn or has expired (the worker must stop the run). */
    @Transactional
    public boolean heartbeat(String campaignId, String token, UUID leaseId) {
        Campaign campaign = authorized(campaignId, token, false);
        attempt(campaignId, leaseId);
        if (campaign.status != CampaignStatus.RUNNING) {
            return false;
        }
        Instant now = Instant.now();
        int renewed = entityManager.createNativeQuery("update attempt set expires_at = ?1 where id = ?2"
                + " and finished_at is null and expires_at >= ?3")
                .setParameter(1, now.plus(ttl()))
                .setParameter(2, leaseId)
                .setParameter(3, now)
                .executeUpdate();
        if (renewed == 1) {
            // the leases waiting their turn in the same worker's batch stay alive with the running one
            entityManager.createNativeQuery("update attempt set expires_at = ?1 where campaign_id = ?2"
                    + " and worker = (select worker from attempt where id = ?3) and id <> ?3"
                    + " and finished_at is null and expires_at >= ?4")
                    .setParameter(1, now.plus(ttl()))
                    .setParameter(2, campaignId)
                    .setParameter(3, leaseId)
                    .setParameter(4, now)
                    .executeUpdate();
        }
        return renewed == 1;
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
        Campaign campaign = authorized(campaignId, token, !report.succeeded());
        Attempt attempt = attempt(campaignId, leaseId);
        Run run = Run.findById(attempt.runId, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(attempt);
        if (!attempt.open()) {
            return new Finished(false, null);
        }
        end(campaign, run, attempt, report);
        return new Finished(true, worker == null ? null : next(campaign, worker, maxRuns));
    }

    /**
     * Records the ends of several runs that succeeded (a worker's batch) and, when {@code worker} is not null, hands
     * that worker its next runs in the same transaction. Reports of leases no longer held, or not of this campaign,
     * are skipped. The runs are locked in the order of their numbers, as every writer that locks several runs does.
     *
     * @return the next lease answer when one was asked for, else null
     */
    @Transactional
    public LeaseAnswer finishAll(String campaignId, String token, Map<UUID, FinishReport> reports, String worker,
            int maxRuns) {
        Campaign campaign = authorized(campaignId, token, false);
        reports.forEach((lease, report) -> {
            if (!report.succeeded()) {
                throw ApiException.badRequest("Lease " + lease + " did not succeed (exit code " + report.exitCode()
                        + ", upload " + report.upload() + "); report it with its own finish call and its log tail.");
            }
        });
        // a few statements for the whole batch: which runs the leases are of, those runs locked in the order of
        // their numbers, then the leases read under those locks
        List<Integer> runNumbers = reports.isEmpty() ? List.of() : entityManager.createQuery("select a.runNumber"
                + " from Attempt a where a.id in ?1 and a.campaignId = ?2", Integer.class)
                .setParameter(1, reports.keySet())
                .setParameter(2, campaignId)
                .getResultList();
        if (runNumbers.size() < reports.size()) {
            Log.warnf("campaign %s: %d of %d reported leases are not the campaign's; skipped", campaignId,
                    reports.size() - runNumbers.size(), reports.size());
        }
        Map<Long, Run> runs = new HashMap<>();
        if (!runNumbers.isEmpty()) {
            Run.lock(campaignId, runNumbers).forEach(run -> runs.put(run.id, run));
        }
        List<Attempt> attempts = runNumbers.isEmpty() ? List.of()
                : Attempt.list("id in ?1 and campaignId = ?2", reports.keySet(), campaignId);
        for (Attempt attempt : attempts) {
            if (!attempt.open()) {
                Log.infof("campaign %s: lease %s of run %d was no longer held; its report is skipped", campaignId,
                        attempt.id, attempt.runNumber);
                continue;
            }
            end(campaign, runs.get(attempt.runId), attempt, reports.get(attempt.id));
        }
        return worker == null ? null : next(campaign, worker, maxRuns);
    }

    /** The answer to a finish call: whether the lease was held, and the worker's next lease if it asked for one. */
    public record Finished(boolean held, LeaseAnswer next) {
    }

    /** Closes an open attempt as its worker reported; the run follows when this is its latest attempt. */
    private void end(Campaign campaign, Run run, Attempt attempt, FinishReport report) {
        attempt.exitCode = report.exitCode();
        attempt.durationMs = report.durationMs();
        attempt.upload = report.upload();
        attempt.logTail = tail(report.logTail());
        attempt.close(report.succeeded() ? AttemptOutcome.SUCCEEDED : AttemptOutcome.FAILED);
        if (run.attempts == attempt.number) {
            record(campaign, run, attempt, report);
        }
        batches.finished(campaign.id, report.durationMs());
    }

    private void record(Campaign campaign, Run run, Attempt attempt, FinishReport report) {
        run.exitCode = report.exitCode();
        run.durationMs = report.durationMs();
        run.finishedAt = Instant.now();
        if (run.state != RunState.RUNNING) {
            return;
        }
        if (report.succeeded()) {
            run.state = RunState.UPLOADED;
            return;
        }
        progress.attemptFailed(campaign, run, "Attempt " + attempt.number + " on " + attempt.worker + " "
                + report.failure(campaign.runTimeoutSeconds) + "; last lines of its output:\n" + attempt.logTail);
        progress.completeIfDone(campaign);
    }

    /**
     * Closes the leases whose heartbeats stopped: their runs go back to the queue (or fail when their budget is
     * spent). Leases of campaigns that have ended are simply closed.
     */
    @Transactional
    public int expire() {
        Instant now = Instant.now();
        List<String> campaigns = entityManager.createQuery("select distinct a.campaignId from Attempt a"
                + " where a.finishedAt is null and a.expiresAt < ?1", String.class)
                .setParameter(1, now)
                .getResultList();
        int expired = 0;
        for (String campaignId : campaigns) {
            Campaign campaign = Campaign.lock(campaignId).orElse(null);
            List<Attempt> stale = Attempt.list("campaignId = ?1 and finishedAt is null and expiresAt < ?2"
                    + " order by runNumber", campaignId, now);
            for (Attempt attempt : stale) {
                expireOne(campaign, attempt);
                expired++;
            }
            if (campaign != null) {
                progress.completeIfDone(campaign);
            }
        }
        return expired;
    }

    /** After a restart: every open lease gets a full interval again, as its worker could not reach us meanwhile. */
    @Transactional
    public int renewAll() {
        return Attempt.update("expiresAt = ?1 where finishedAt is null", Instant.now().plus(ttl()));
    }

    private void expireOne(Campaign campaign, Attempt attempt) {
        boolean running = campaign != null && campaign.status == CampaignStatus.RUNNING;
        Run run = Run.findById(attempt.runId, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(attempt);
        if (!attempt.open() || attempt.expiresAt.isAfter(Instant.now())) {
            return;
        }
        attempt.close(running ? AttemptOutcome.LOST : AttemptOutcome.WITHDRAWN);
        if (!running) {
            return;
        }
        if (run.state == RunState.RUNNING && run.attempts == attempt.number) {
            progress.attemptFailed(campaign, run, "Attempt " + attempt.number + " on " + attempt.worker
                    + " was lost: its worker sent no heartbeat for " + ttl().toSeconds() + " s.");
        }
    }

    @SuppressWarnings("unchecked")
    private List<Run> nextPending(String campaignId, int limit) {
        return entityManager.createNativeQuery("select * from run where campaign_id = ?1"
                + " and state = 'PENDING' order by run_number limit ?2 for update skip locked", Run.class)
                .setParameter(1, campaignId)
                .setParameter(2, limit)
                .getResultList();
    }

    private Campaign authorized(String campaignId, String token, boolean lock) {
        Campaign campaign = lock ? Campaign.lock(campaignId).orElse(null) : Campaign.findById(campaignId);
        if (campaign == null) {
            throw ApiException.notFound("No campaign has the id '" + campaignId + "'.");
        }
        if (token == null) {
            throw ApiException.unauthorized("A lease request needs the campaign's lease token as a Bearer token.");
        }
        if (!tokens.verifyCampaign(campaignId, token)) {
            throw ApiException.forbidden("The lease token is not the one of campaign " + campaignId + ".");
        }
        return campaign;
    }

    private static Attempt attempt(String campaignId, UUID leaseId) {
        Attempt attempt = Attempt.findById(leaseId);
        if (attempt == null || !attempt.campaignId.equals(campaignId)) {
            throw ApiException.notFound("Campaign " + campaignId + " has no lease " + leaseId + ".");
        }
        return attempt;
    }

    private Duration ttl() {
        return Duration.ofSeconds(3L * config.lease().heartbeatSeconds());
    }

    private static String tail(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= LOG_TAIL_CHARS ? text : text.substring(text.length() - LOG_TAIL_CHARS);
    }
}
