package io.simswarm.scheduler.lease;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignLifecycle;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.run.Attempt;
import io.simswarm.scheduler.run.AttemptOutcome;
import io.simswarm.scheduler.run.FailureClass;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunLedger;
import io.simswarm.scheduler.run.RunState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * How long leases live: a heartbeat renews a lease (and the leases waiting their turn in the same worker's batch);
 * a lease whose heartbeats stop for three intervals expires and its run goes back to the queue (or fails when its
 * budget is spent). After a restart every open lease gets a full interval again, as its worker could not reach the
 * scheduler meanwhile.
 */
@ApplicationScoped
public class LeaseExpiry {

    private final SchedulerConfig config;
    private final EntityManager entityManager;
    private final RunLedger runs;
    private final CampaignLifecycle lifecycle;

    public LeaseExpiry(SchedulerConfig config, EntityManager entityManager, RunLedger runs,
            CampaignLifecycle lifecycle) {
        this.config = config;
        this.entityManager = entityManager;
        this.runs = runs;
        this.lifecycle = lifecycle;
    }

    /** How long a lease lives without a heartbeat: three heartbeat intervals. */
    static Duration ttl(SchedulerConfig config) {
        return Duration.ofSeconds(3L * config.lease().heartbeatSeconds());
    }

    /** Renews a held lease and the other open leases of the same worker; false when it was not held any more. */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean renew(String campaignId, UUID leaseId) {
        Instant now = Instant.now();
        Instant until = now.plus(ttl(config));
        int renewed = entityManager.createNativeQuery("update attempt set expires_at = ?1 where id = ?2"
                + " and finished_at is null and expires_at >= ?3")
                .setParameter(1, until)
                .setParameter(2, leaseId)
                .setParameter(3, now)
                .executeUpdate();
        if (renewed == 1) {
            // the leases waiting their turn in the same worker's batch stay alive with the running one
            entityManager.createNativeQuery("update attempt set expires_at = ?1 where campaign_id = ?2"
                    + " and worker = (select worker from attempt where id = ?3) and id <> ?3"
                    + " and finished_at is null and expires_at >= ?4")
                    .setParameter(1, until)
                    .setParameter(2, campaignId)
                    .setParameter(3, leaseId)
                    .setParameter(4, now)
                    .executeUpdate();
        }
        return renewed == 1;
    }

    @Scheduled(every = "${simswarm.scheduler.lease.sweep-interval:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int expired = expire();
        if (expired > 0) {
            Log.infof("%d lease(s) expired", expired);
        }
    }

    /**
     * Closes the leases whose heartbeats stopped: LOST, and their runs go back to the queue (or fail when their
     * budget is spent); leases of campaigns that have ended are WITHDRAWN.
     *
     * @return how many leases expired
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
                if (expireOne(campaign, attempt)) {
                    expired++;
                }
            }
            if (campaign != null) {
                lifecycle.completeIfDone(campaign);
            }
        }
        return expired;
    }

    void onStart(@Observes StartupEvent start) {
        int renewed = QuarkusTransaction.requiringNew().call(() -> Attempt.update(
                "expiresAt = ?1 where finishedAt is null", Instant.now().plus(ttl(config))));
        if (renewed > 0) {
            Log.infof("resumed: %d open lease(s) renewed", renewed);
        }
    }

    /**
     * Closes the open leases of workers that are gone (their Swarm tasks ended: container killed, node lost) at once,
     * as if they had expired, instead of waiting for three missed heartbeats.
     *
     * @param taskIds the ids of the campaign's ended worker tasks; a worker names itself {@code HOST/TASK_ID}
     * @return how many leases were closed
     */
    @Transactional
    public int workersGone(String campaignId, Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<UUID> open = entityManager.createNativeQuery("select id from attempt where campaign_id = ?1"
                + " and finished_at is null and split_part(worker, '/', 2) in (?2)")
                .setParameter(1, campaignId)
                .setParameter(2, taskIds)
                .getResultList();
        if (open.isEmpty()) {
            return 0;
        }
        Campaign campaign = Campaign.lock(campaignId).orElse(null);
        int closed = 0;
        for (Attempt attempt : Attempt.<Attempt>list("id in ?1 order by runNumber", open)) {
            if (close(campaign, attempt, "its worker task ended (container stopped or node lost)")) {
                closed++;
            }
        }
        if (campaign != null) {
            lifecycle.completeIfDone(campaign);
        }
        return closed;
    }

    private boolean expireOne(Campaign campaign, Attempt attempt) {
        Run run = runs.lockRunOf(attempt);
        if (!attempt.open() || attempt.expiresAt.isAfter(Instant.now())) {
            return false; // closed or renewed meanwhile
        }
        return lost(campaign, run, attempt, "its worker sent no heartbeat for " + ttl(config).toSeconds() + " s");
    }

    private boolean close(Campaign campaign, Attempt attempt, String why) {
        Run run = runs.lockRunOf(attempt);
        return attempt.open() && lost(campaign, run, attempt, why);
    }

    /**
     * Closes an attempt whose worker is gone: LOST, and its run back to the queue without spending its budget (the
     * system lost it); WITHDRAWN when the campaign has ended; SUCCEEDED when the run's results were stored meanwhile
     * (the worker was gone before it could report).
     */
    private boolean lost(Campaign campaign, Run run, Attempt attempt, String why) {
        boolean latest = run.attempts == attempt.number;
        if (latest && run.state == RunState.SUCCEEDED) {
            attempt.close(AttemptOutcome.SUCCEEDED);
            return true;
        }
        boolean running = campaign != null && campaign.status == CampaignStatus.RUNNING;
        attempt.close(running ? AttemptOutcome.LOST : AttemptOutcome.WITHDRAWN);
        if (running) {
            attempt.failed(FailureClass.SYSTEM, "Lost: " + why + ".");
        }
        if (running && latest) {
            run.attemptLostToSystem("Attempt " + attempt.number + " on " + attempt.worker + " was lost: " + why + ".",
                    config.lease().maxSystemFailures());
        }
        return true;
    }
}
