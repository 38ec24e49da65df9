package io.simswarm.provisioner.idle;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.provisioner.cluster.Cluster;
import io.simswarm.provisioner.cluster.ClusterService;
import io.simswarm.provisioner.cluster.ClusterState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Halts ready cloud clusters that have had no running campaign for their {@code idleHaltMinutes}. */
@ApplicationScoped
public class IdleHalter {

    private final ClusterService clusters;

    public IdleHalter(ClusterService clusters) {
        this.clusters = clusters;
    }

    @Scheduled(every = "${simswarm.provisioner.idle-check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void haltIdleClusters() {
        for (String name : idleClusters(Instant.now())) {
            try {
                Log.infof("cluster %s: idle for its idleHaltMinutes, halting", name);
                clusters.halt(name);
            } catch (ApiException e) {
                Log.infof("cluster %s: not halted: %s", name, e.getMessage());
            }
        }
    }

    List<String> idleClusters(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> Cluster.inState(ClusterState.READY).stream()
                .filter(cluster -> !cluster.isLocal() && cluster.idleHaltSeconds > 0 && cluster.idleSince != null)
                .filter(cluster -> !cluster.idleSince.plusSeconds(cluster.idleHaltSeconds).isAfter(now))
                .filter(cluster -> RunningCampaign.countOn(cluster.name) == 0)
                .map(cluster -> cluster.name)
                .toList());
    }
}
