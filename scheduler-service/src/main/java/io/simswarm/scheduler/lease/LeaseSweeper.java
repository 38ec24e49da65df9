package io.simswarm.scheduler.lease;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Expires the leases of workers that stopped sending heartbeats. */
@ApplicationScoped
public class LeaseSweeper {

    private final LeaseService leases;

    public LeaseSweeper(LeaseService leases) {
        this.leases = leases;
    }

    @Scheduled(every = "${simswarm.scheduler.lease.sweep-interval:2s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        int expired = leases.expire();
        if (expired > 0) {
            Log.infof("%d lease(s) expired", expired);
        }
    }
}
