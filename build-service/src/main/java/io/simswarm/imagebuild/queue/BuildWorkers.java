package io.simswarm.imagebuild.queue;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.simswarm.imagebuild.config.BuildConfig;
import io.simswarm.imagebuild.job.BuildJob;
import io.simswarm.imagebuild.job.BuildLifecycle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The build workers of this instance: {@code simswarm.build.workers} threads that claim queued builds and run
 * them, plus a timer that sends heartbeats for the claimed builds and queues again builds whose instance stopped.
 */
@ApplicationScoped
public class BuildWorkers {

    private final BuildQueue queue;
    private final BuildJob job;
    private final BuildLifecycle lifecycle;
    private final BuildConfig config;
    private final Set<Claim> active = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private ExecutorService workers;
    private ScheduledExecutorService timer;

    public BuildWorkers(BuildQueue queue, BuildJob job, BuildLifecycle lifecycle, BuildConfig config) {
        this.queue = queue;
        this.job = job;
        this.lifecycle = lifecycle;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.workers(),
                r -> new Thread(r, "build-worker-" + number.incrementAndGet()));
        for (int i = 0; i < config.workers(); i++) {
            workers.submit(this::work);
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "build-queue-timer"));
        long heartbeat = config.queue().heartbeat().toMillis();
        timer.scheduleWithFixedDelay(() -> quietly("heartbeat", () -> queue.heartbeat(List.copyOf(active))),
                heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        long sweep = Math.max(1000, config.queue().staleAfter().toMillis() / 2);
        timer.scheduleWithFixedDelay(() -> quietly("maintenance", this::maintain), sweep, sweep, TimeUnit.MILLISECONDS);
        Log.infof("%d build workers started", config.workers());
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        quietly("release", () -> queue.release(List.copyOf(active)));
        timer.shutdownNow();
        workers.shutdownNow();
    }

    private void work() {
        while (running) {
            try {
                var claim = queue.claimNext();
                if (claim.isPresent()) {
                    active.add(claim.get());
                    try {
                        job.run(claim.get());
                    } finally {
                        active.remove(claim.get());
                    }
                } else {
                    queue.awaitWork(config.queue().pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.errorf(e, "a build worker failed; it goes on");
                pause();
            }
        }
    }

    private void maintain() {
        List<UUID> requeued = queue.requeueStale(config.queue().staleAfter(), config.queue().maxAttempts());
        if (!requeued.isEmpty()) {
            Log.infof("builds %s lost their instance and are queued again", requeued);
            queue.wakeUp();
        }
        for (UUID id : queue.exhausted(config.queue().staleAfter(), config.queue().maxAttempts())) {
            lifecycle.failAbandoned(id, "The build was interrupted " + config.queue().maxAttempts()
                    + " times (its build-service instance stopped each time); giving up");
        }
    }

    private void pause() {
        try {
            Thread.sleep(config.queue().pollInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            Log.warnf(e, "build queue %s failed", what);
        }
    }
}
