package io.simswarm.imagebuild.cache;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;

/**
 * The database guard that makes identical requests (same cache key, same Docker engine) produce one image build,
 * whichever instance handles them: the first build to insert the row for the key owns it and builds; the others
 * find an owner that is still working (fresh heartbeat) and wait for it. A finished, failed or stopped owner is
 * replaced by the next build that asks, under a row lock.
 */
@ApplicationScoped
public class ImageClaims {

    /** What a build is to do about an image. */
    public sealed interface Decision {
    }

    /** Build the image. */
    public record Own() implements Decision {
    }

    /** Wait for build {@code owner}, which is making the same image. */
    public record Follow(UUID owner) implements Decision {
    }

    private final EntityManager entityManager;

    public ImageClaims(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public Decision acquire(String cacheKey, String dockerHost, UUID buildId, Duration staleAfter) {
        return QuarkusTransaction.requiringNew().call(() -> {
            entityManager.createNativeQuery("insert into image_claim (cache_key, docker_host, build_id, claimed_at)"
                    + " values (?1, ?2, ?3, now()) on conflict do nothing")
                    .setParameter(1, cacheKey)
                    .setParameter(2, dockerHost)
                    .setParameter(3, buildId)
                    .executeUpdate();
            UUID owner = (UUID) entityManager.createNativeQuery(
                    "select build_id from image_claim where cache_key = ?1 and docker_host = ?2 for update")
                    .setParameter(1, cacheKey)
                    .setParameter(2, dockerHost)
                    .getSingleResult();
            if (owner.equals(buildId)) {
                return new Own();
            }
            if (isWorking(owner, staleAfter)) {
                return new Follow(owner);
            }
            entityManager.createNativeQuery("update image_claim set build_id = ?3, claimed_at = now()"
                    + " where cache_key = ?1 and docker_host = ?2")
                    .setParameter(1, cacheKey)
                    .setParameter(2, dockerHost)
                    .setParameter(3, buildId)
                    .executeUpdate();
            return new Own();
        });
    }

    private boolean isWorking(UUID buildId, Duration staleAfter) {
        return entityManager.createNativeQuery("select count(*) from build where id = ?1"
                + " and status in ('CLONING', 'BUILDING') and heartbeat_at > now() - make_interval(secs => ?2)",
                Long.class)
                .setParameter(1, buildId)
                .setParameter(2, (double) staleAfter.toMillis() / 1000)
                .getSingleResult() instanceof Number n && n.longValue() > 0;
    }
}
