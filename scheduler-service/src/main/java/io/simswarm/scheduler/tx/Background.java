package io.simswarm.scheduler.tx;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs slow work (Docker calls, expansions) off the request and consumer threads. */
@ApplicationScoped
public class Background {

    private final AtomicInteger counter = new AtomicInteger();
    private final ExecutorService executor = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "simswarm-background-" + counter.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public void run(String what, Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                Log.errorf(e, "%s failed", what);
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
