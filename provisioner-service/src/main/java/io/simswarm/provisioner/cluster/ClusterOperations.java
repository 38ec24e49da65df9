package io.simswarm.provisioner.cluster;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.simswarm.events.ClusterEvent;
import io.simswarm.provisioner.aws.AwsDriver;
import io.simswarm.provisioner.existing.ExistingSwarm;
import io.simswarm.provisioner.cluster.messaging.ClusterEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Finishes the transitional states in the background: CREATING, RESIZING, HALTING, RESUMING and DELETING are
 * persisted before the REST call answers 202, then carried out here. At start-up every cluster left in such a
 * state by a stopped instance of the service is taken up again (each step is idempotent).
 */
@ApplicationScoped
public class ClusterOperations {

    private final ClusterStore store;
    private final AwsDriver aws;
    private final ExistingSwarm existing;
    private final ClusterEvents events;
    private final ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "cluster-operation");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<String> again = ConcurrentHashMap.newKeySet();

    public ClusterOperations(ClusterStore store, AwsDriver aws, ExistingSwarm existing, ClusterEvents events) {
        this.store = store;
        this.aws = aws;
        this.existing = existing;
        this.events = events;
    }

    void onStart(@Observes StartupEvent event) {
        unfinished().forEach(this::submit);
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private List<String> unfinished() {
        return QuarkusTransaction.requiringNew().call(() -> Cluster.<Cluster>listAll().stream()
                .filter(cluster -> cluster.state.transitional()).map(cluster -> cluster.name).toList());
    }

    /**
     * Carries out the cluster's current transitional state. When an operation on it is under way already (a delete
     * that interrupts a create), the new state is taken up as soon as that one has stopped.
     */
    public synchronized void submit(String name) {
        if (!running.add(name)) {
            again.add(name);
            return;
        }
        executor.submit(() -> {
            do {
                again.remove(name);
                carryOut(name);
            } while (!done(name));
        });
    }

    private synchronized boolean done(String name) {
        if (again.contains(name)) {
            return false;
        }
        running.remove(name);
        return true;
    }

    private void carryOut(String name) {
        Cluster cluster = store.load(name);
        ClusterState from = cluster.state;
        Log.infof("cluster %s: %s started", name, from);
        try {
            if (cluster.isExisting()) {
                carryOutExisting(cluster, from);
                return;
            }
            switch (from) {
                case CREATING -> {
                    aws.create(cluster);
                    finish(name, from, ClusterState.READY, ClusterEvent.Type.READY);
                }
                case RESIZING -> {
                    aws.resize(cluster);
                    finish(name, from, ClusterState.READY, ClusterEvent.Type.RESIZED);
                }
                case HALTING -> {
                    aws.halt(cluster);
                    finish(name, from, ClusterState.HALTED, ClusterEvent.Type.HALTED);
                }
                case RESUMING -> {
                    aws.resume(cluster);
                    finish(name, from, ClusterState.READY, ClusterEvent.Type.RESUMED);
                }
                case DELETING -> {
                    aws.delete(cluster);
                    finish(name, from, ClusterState.DELETED, ClusterEvent.Type.DELETED);
                }
                default -> Log.debugf("cluster %s: nothing to do in state %s", name, from);
            }
        } catch (Superseded e) {
            Log.infof("cluster %s: %s stopped, the cluster is %s now", name, from, e.getMessage());
        } catch (RuntimeException e) {
            String reason = from + " failed: " + (e.getMessage() == null
                    ? "an unexpected error; the provisioner's log has the details" : e.getMessage());
            Log.warnf(e, "cluster %s: %s", name, reason);
            store.update(name, c -> {
                if (c.state == from) {
                    c.fail(reason);
                    events.publish(name, ClusterEvent.Type.FAILED, c.state.name(), c.workers, reason);
                }
            });
        }
    }

    /** An existing swarm is only checked when registered and forgotten when deleted; nothing else is asked of it. */
    private void carryOutExisting(Cluster cluster, ClusterState from) {
        switch (from) {
            case CREATING -> {
                existing.check(cluster);
                finish(cluster.name, from, ClusterState.READY, ClusterEvent.Type.READY);
            }
            case DELETING -> finish(cluster.name, from, ClusterState.DELETED, ClusterEvent.Type.DELETED);
            default -> Log.debugf("cluster %s: nothing to do in state %s", cluster.name, from);
        }
    }

    /** Ends the operation in {@code state}, unless the cluster was moved on meanwhile (then that runs next). */
    private void finish(String name, ClusterState from, ClusterState state, ClusterEvent.Type type) {
        Cluster done = store.update(name, c -> {
            if (c.state == from) {
                c.moveTo(state);
                events.publish(name, type, c.state.name(), c.workers, null);
            }
        });
        if (done.state != state) {
            Log.infof("cluster %s: moved on to %s before %s was recorded", name, done.state, state);
        }
    }

    /** Thrown by a waiting operation when the cluster was moved to another state (e.g. deleted while creating). */
    public static class Superseded extends RuntimeException {
        public Superseded(ClusterState now) {
            super(now.name());
        }
    }
}
