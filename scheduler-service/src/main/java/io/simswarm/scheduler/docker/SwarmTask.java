package io.simswarm.scheduler.docker;

import java.time.Instant;
import java.util.Set;

/**
 * A task of a Swarm service, as far as the scheduler cares.
 *
 * @param id          task id
 * @param slot        task slot (0 when the API leaves it out)
 * @param state       current state (new, pending, assigned, ..., running, complete, failed, rejected, shutdown)
 * @param message     Swarm's status message
 * @param error       Swarm's error, e.g. "No such image: ..." or "no suitable node"; null when none
 * @param exitCode    exit code of the task's container, null when it never ran
 * @param containerId container of the task, null when it never got one
 * @param timestamp   when the task reached its current state
 */
public record SwarmTask(String id, int slot, String state, String message, String error, Integer exitCode,
        String containerId, Instant timestamp) {

    private static final Set<String> ACTIVE = Set.of("new", "allocated", "pending", "assigned", "accepted",
            "preparing", "ready", "starting", "running");

    /** True while the task is on its way to run or running. */
    public boolean active() {
        return ACTIVE.contains(state);
    }

    /** True once the task has stopped for good: its container exited, was killed or its node is gone. */
    public boolean ended() {
        return !active();
    }

    /** True when the task's container could not be made or started: missing image or program, bad spec, ... */
    public boolean cannotStart() {
        if ("rejected".equals(state)) {
            return !reassignable();
        }
        return "failed".equals(state) && error != null
                && (exitCode == null || error.startsWith("starting container failed"));
    }

    /**
     * True for a task Swarm took back from its node because the node no longer had room for it when the task got
     * there (its constraint enforcer: reservations of tasks still stopping on the node): the task just ended, and a
     * new worker takes its place; nothing is wrong with the campaign.
     */
    public boolean reassignable() {
        return "rejected".equals(state) && error != null && error.contains("no longer meets constraints");
    }

    /** True when the task waits for a node that can take it. */
    public boolean waitingForNode() {
        return "pending".equals(state) && error != null && error.contains("no suitable node");
    }
}
