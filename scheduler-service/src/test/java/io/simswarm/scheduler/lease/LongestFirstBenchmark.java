package io.simswarm.scheduler.lease;

import static io.simswarm.scheduler.support.TestWorker.finishAfter;
import static io.simswarm.scheduler.support.TestWorker.leaseResponseAs;
import static io.simswarm.scheduler.support.TestWorker.runningCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.LongestFirst;
import io.simswarm.scheduler.support.StandIns;
import io.simswarm.scheduler.support.TestWorker;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Campaign wall time with and without longest-expected-first leasing, on runs whose times vary tenfold. Not part of
 * the test suite; run alone: {@code mvn -pl scheduler-service -am verify -Dtest=LongestFirstBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=none} (or {@code bench/longest-first/run.sh}).
 *
 * <p>The scheduler is the real one (REST, PostgreSQL, leases); the workers are {@link #WORKERS} threads of this test
 * speaking the pilot protocol, whose "simulation" of run N sleeps {@link #durationMs(int)}: 24 runs (examples/queueing
 * MMc) of 150 to 1,500 ms in a shuffled order of run numbers. A first campaign teaches the scheduler the durations;
 * then campaigns alternate between the learnt order ("with") and the run-number order ("without": the expected
 * durations are erased before the first lease, as for a configuration never run before).
 */
@QuarkusTest
@TestProfile(LongestFirst.class)
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class LongestFirstBenchmark {

    private static final int WORKERS = 3;
    private static final int RUNS = 24;
    private static final int REPEATS = 3;

    @Inject
    EntityManager entityManager;

    /** Run N's time: 150 ms to 1,500 ms, tenfold, in an order unrelated to N. */
    static long durationMs(int run) {
        return 150 + Math.round(1350.0 * ((run * 7) % RUNS) / (RUNS - 1));
    }

    @Test
    void wallTimeWithAndWithoutLongestFirst() throws Exception {
        timeCampaign(false);
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            without.add(timeCampaign(false));
            with.add(timeCampaign(true));
        }
        double ideal = idealSeconds();
        System.out.printf(Locale.ROOT, "longest-first benchmark: %d runs of 150-1500 ms on %d workers%n", RUNS, WORKERS);
        System.out.printf(Locale.ROOT, "  without (run-number order): %s s%n", without);
        System.out.printf(Locale.ROOT, "  with (longest first):       %s s%n", with);
        System.out.printf(Locale.ROOT, "  lower bound max(total/workers, longest run): %.2f s%n", ideal);
        System.out.printf(Locale.ROOT, "  ratio with/without (medians): %.3f%n", median(with) / median(without));
        assertThat(with).hasSize(REPEATS);
    }

    private static double idealSeconds() {
        long total = 0;
        long longest = 0;
        for (int run = 0; run < RUNS; run++) {
            total += durationMs(run);
            longest = Math.max(longest, durationMs(run));
        }
        return Math.max((double) total / WORKERS, longest) / 1000;
    }

    /** Seconds from the first lease to the last finish of one campaign of the 24 runs. */
    private double timeCampaign(boolean longestFirst) throws Exception {
        String id = runningCampaign("MMc", "0..23", 0, Map.of("maxParallel", WORKERS));
        if (!longestFirst) {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "update run set expected_ms = null where campaign_id = ?1").setParameter(1, id).executeUpdate());
        }
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            String name = "bench-worker-" + w;
            workers.add(pool.submit(() -> work(id, name)));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofSeconds(60));
        return Math.round(seconds * 100) / 100.0;
    }

    /** One pilot worker: lease, "run" (sleep the run's time), finish, until the campaign has nothing left. */
    private static Void work(String id, String name) throws InterruptedException {
        while (true) {
            Response answer = leaseResponseAs(id, name);
            if (answer.statusCode() == 204) {
                return null;
            }
            String text = answer.then().statusCode(200).extract().asString();
            if (text.startsWith("wait")) {
                Thread.sleep(200);
                continue;
            }
            Map<String, String> lease = TestWorker.fields(text);
            int run = Integer.parseInt(lease.get("run"));
            Thread.sleep(durationMs(run));
            finishAfter(id, lease, durationMs(run)).then().statusCode(204);
            StandIns.publishResultsStored(id, run);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
