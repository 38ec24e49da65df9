package io.simswarm.imagebuild.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.imagebuild.job.Build;
import io.simswarm.imagebuild.job.BuildStatus;
import io.simswarm.imagebuild.spec.BuildSpec;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The database guard: one owner per (cache key, engine), followers while it works, a new owner after it. */
@QuarkusTest
class ImageClaimsTest {

    private static final Duration STALE = Duration.ofSeconds(60);
    private static final String ENGINE = "unix:///var/run/docker.sock";

    @Inject
    ImageClaims claims;

    @Test
    void theFirstBuildOwnsTheKeyAndTheOthersFollowItWhileItWorks() {
        String key = UUID.randomUUID().toString().replace("-", "");
        UUID first = working(Instant.now());
        UUID second = working(Instant.now());

        assertThat(claims.acquire(key, ENGINE, first, STALE)).isEqualTo(new ImageClaims.Own());
        assertThat(claims.acquire(key, ENGINE, second, STALE)).isEqualTo(new ImageClaims.Follow(first));
        assertThat(claims.acquire(key, ENGINE, first, STALE)).isEqualTo(new ImageClaims.Own());
        assertThat(claims.acquire(key, "tcp://127.0.0.1:2375", second, STALE)).isEqualTo(new ImageClaims.Own());
    }

    @Test
    void aFinishedOrSilentOwnerIsReplaced() {
        String key = UUID.randomUUID().toString().replace("-", "");
        UUID silent = working(Instant.now().minus(Duration.ofMinutes(5)));
        UUID next = working(Instant.now());
        UUID after = working(Instant.now());

        assertThat(claims.acquire(key, ENGINE, silent, STALE)).isEqualTo(new ImageClaims.Own());
        assertThat(claims.acquire(key, ENGINE, next, STALE)).isEqualTo(new ImageClaims.Own());
        finish(next);
        assertThat(claims.acquire(key, ENGINE, after, STALE)).isEqualTo(new ImageClaims.Own());
    }

    @Test
    void manyBuildsAskingAtOnceGetExactlyOneOwner() throws Exception {
        String key = UUID.randomUUID().toString().replace("-", "");
        List<UUID> builds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            builds.add(working(Instant.now()));
        }
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ImageClaims.Decision>> decisions = builds.stream()
                .map(id -> CompletableFuture.supplyAsync(() -> {
                    awaitQuietly(start);
                    return claims.acquire(key, ENGINE, id, STALE);
                })).toList();
        start.countDown();

        List<ImageClaims.Decision> all = decisions.stream().map(CompletableFuture::join).toList();

        assertThat(all).filteredOn(d -> d instanceof ImageClaims.Own).hasSize(1);
        assertThat(all).filteredOn(d -> d instanceof ImageClaims.Follow).hasSize(7)
                .extracting(d -> ((ImageClaims.Follow) d).owner()).containsOnly(builds.get(all.indexOf(
                        new ImageClaims.Own())));
    }

    private static UUID working(Instant heartbeat) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Build build = Build.create(new BuildSpec("file:///claims-test", null, ".", "base", "make", ENGINE, null,
                    null, false), null, null);
            build.status = BuildStatus.BUILDING;
            build.claimId = UUID.randomUUID();
            build.heartbeatAt = heartbeat;
            build.persist();
            return build.id;
        });
    }

    private static void finish(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> Build.update("status = ?1, finishedAt = ?2 where id = ?3",
                BuildStatus.SUCCEEDED, Instant.now(), id));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
