package io.simswarm.provisioner.support;

import io.quarkus.logging.Log;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * Plays the machines moto does not boot: watches the cluster's instances in moto and, for each one that runs,
 * boots a namespace node (dockerd labelled with the instance id) and runs the swarm part of its user data; a stopped
 * instance powers its node off, a started one powers it on again, a terminated one powers it off for good.
 * The first node (n1) is the manager's; workers take the others in order.
 */
public final class Ec2MachineSimulator implements AutoCloseable {

    private final String cluster;
    private final NamespaceNodes nodes;
    private final Deque<String> freeWorkerNodes = new ArrayDeque<>();
    private final Map<String, String> nodeOfInstance = new HashMap<>();
    private final Map<String, String> lastState = new HashMap<>();
    private final java.util.Set<String> off = new java.util.HashSet<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private volatile RuntimeException failure;

    public Ec2MachineSimulator(String cluster, NamespaceNodes nodes, int nodeCount) {
        this.cluster = cluster;
        this.nodes = nodes;
        for (int i = 2; i <= nodeCount; i++) {
            freeWorkerNodes.add("n" + i);
        }
    }

    public Ec2MachineSimulator start() {
        loop.scheduleWithFixedDelay(this::syncSafely, 0, 300, TimeUnit.MILLISECONDS);
        return this;
    }

    /** The namespace node that plays the instance, or null. */
    public synchronized String nodeOf(String instanceId) {
        return nodeOfInstance.get(instanceId);
    }

    private void syncSafely() {
        try {
            sync();
        } catch (RuntimeException e) {
            failure = e;
            Log.errorf(e, "machine simulation of %s failed", cluster);
        }
    }

    private synchronized void sync() {
        List<Instance> instances = Moto.instances(cluster);
        for (Instance instance : instances) {
            String id = instance.instanceId();
            String state = instance.state().nameAsString();
            String before = lastState.put(id, state);
            if (state.equals(before)) {
                continue;
            }
            switch (state) {
                case "running" -> running(instance, before);
                case "stopped", "terminated" -> {
                    String node = nodeOfInstance.get(id);
                    if (node != null) {
                        nodes.powerOff(node);
                        off.add(node);
                    }
                }
                default -> { }
            }
        }
    }

    private void running(Instance instance, String before) {
        String id = instance.instanceId();
        boolean manager = "manager".equals(Moto.tag(instance, "simswarm:role"));
        String node = nodeOfInstance.get(id);
        if (node != null) {
            nodes.boot(node, id);
            off.remove(node);
            return;
        }
        node = manager ? "n1" : freeWorkerNodes.poll();
        if (node == null) {
            throw new IllegalStateException("no namespace node left for instance " + id);
        }
        nodeOfInstance.put(id, node);
        nodes.boot(node, id);
        nodes.runPart(node, manager ? "swarm-manager.sh" : "swarm-worker.sh", cluster);
        Log.infof("instance %s (%s) booted on namespace node %s", id, before == null ? "new" : before, node);
    }

    /** Number of nodes whose instance is stopped and whose dockerd is off. */
    public synchronized int poweredOff() {
        return (int) off.stream().filter(node -> nodeOfInstance.entrySet().stream()
                .anyMatch(e -> e.getValue().equals(node) && "stopped".equals(lastState.get(e.getKey())))).count();
    }

    public void assertHealthy() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
        try {
            loop.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
