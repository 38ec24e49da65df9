package io.simswarm.provisioner.local;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.simswarm.docker.DockerEndpoint;
import io.simswarm.provisioner.cluster.Cluster;
import io.simswarm.provisioner.cluster.ClusterState;
import io.simswarm.provisioner.cluster.Provider;
import io.simswarm.provisioner.config.ProvisionerConfig;
import io.simswarm.provisioner.docker.SwarmNodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;

/**
 * The cluster named {@code local}: this machine's Docker engine, put in swarm mode if it is not. It exists from
 * start-up on and cannot be resized, halted or deleted.
 */
@ApplicationScoped
public class LocalCluster {

    private final ProvisionerConfig config;
    private final SwarmNodes swarm;

    public LocalCluster(ProvisionerConfig config, SwarmNodes swarm) {
        this.config = config;
        this.swarm = swarm;
    }

    void onStart(@Observes StartupEvent event) {
        String failure = null;
        try {
            swarm.ensureInitialised(DockerEndpoint.plain(config.local().dockerHost()),
                    config.local().advertiseAddress());
        } catch (RuntimeException e) {
            failure = "The local Docker engine at " + config.local().dockerHost()
                    + " cannot be used as a swarm: " + e.getMessage();
            Log.warn(failure);
        }
        record(failure);
    }

    private void record(String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            Cluster cluster = Cluster.findByName(Cluster.LOCAL);
            if (cluster == null) {
                cluster = new Cluster();
                cluster.name = Cluster.LOCAL;
                cluster.provider = Provider.LOCAL;
                cluster.createdAt = Instant.now();
            }
            if (failure == null) {
                cluster.moveTo(ClusterState.READY);
                cluster.idleSince = null;
            } else {
                cluster.fail(failure);
            }
            cluster.persist();
        });
    }
}
