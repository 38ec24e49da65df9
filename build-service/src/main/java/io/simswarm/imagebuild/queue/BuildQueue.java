package io.simswarm.imagebuild.queue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The queue of builds, kept in the build table and shared by every instance: a worker claims the oldest QUEUED
 * build with {@code for update skip locked}, so each build is worked on by one worker at a time; claimed builds
 * whose heartbeat stopped are queued again.
 */
@ApplicationScoped
public class BuildQueue {

    private final EntityManager entityManager;
    private final Semaphore work = new Semaphore(0);

    public BuildQueue(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Tells idle workers of this instance that a build was queued. */
    public void wakeUp() {
        work.release();
    }

    /** Waits until {@link #wakeUp()} is called or {@code timeout} passes. */
    void awaitWork(Duration timeout) throws InterruptedException {
        if (work.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            work.drainPermits();
        }
    }

    /** Claims the oldest queued build, if any, and marks it CLONING. */
    public Optional<Claim> claimNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> ids = entityManager.createNativeQuery(
                    "select id from build where status = 'QUEUED' order by created_at limit 1 for update skip locked")
                    .getResultList();
            if (ids.isEmpty()) {
                return Optional.empty();
            }
            Claim claim = new Claim((UUID) ids.get(0), UUID.randomUUID());
            entityManager.createNativeQuery("update build set status = 'CLONING', claim_id = ?2, heartbeat_at = now(),"
                    + " started_at = coalesce(started_at, now()), attempts = attempts + 1 where id = ?1")
                    .setParameter(1, claim.buildId())
                    .setParameter(2, claim.claimId())
                    .executeUpdate();
            return Optional.of(claim);
        });
    }

    /** Confirms that this instance still works on the builds of {@code claims}. */
    void heartbeat(Collection<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update build set heartbeat_at = now() where claim_id in (?1) and status in ('CLONING', 'BUILDING')")
                .setParameter(1, claims.stream().map(Claim::claimId).toList())
                .executeUpdate());
    }

    /** Queues the builds of {@code claims} again (this instance stops); another worker takes them up. */
    void release(Collection<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update build set status = 'QUEUED', claim_id = null, attempts = greatest(attempts - 1, 0)"
                        + " where claim_id in (?1) and status in ('CLONING', 'BUILDING')")
                .setParameter(1, claims.stream().map(Claim::claimId).toList())
                .executeUpdate());
    }

    /**
     * Queues again the claimed builds whose heartbeat is older than {@code staleAfter} and that were tried fewer
     * than {@code maxAttempts} times.
     *
     * @return the ids of the builds that were queued again
     */
    @SuppressWarnings("unchecked")
    List<UUID> requeueStale(Duration staleAfter, int maxAttempts) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "update build set status = 'QUEUED', claim_id = null where status in ('CLONING', 'BUILDING')"
                        + " and heartbeat_at < now() - make_interval(secs => ?1) and attempts < ?2 returning id")
                .setParameter(1, (double) staleAfter.toMillis() / 1000)
                .setParameter(2, maxAttempts)
                .getResultList());
    }

    /** Claimed builds whose heartbeat stopped and that were tried {@code maxAttempts} times already. */
    @SuppressWarnings("unchecked")
    List<UUID> exhausted(Duration staleAfter, int maxAttempts) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select id from build where status in ('CLONING', 'BUILDING')"
                        + " and heartbeat_at < now() - make_interval(secs => ?1) and attempts >= ?2")
                .setParameter(1, (double) staleAfter.toMillis() / 1000)
                .setParameter(2, maxAttempts)
                .getResultList());
    }
}
