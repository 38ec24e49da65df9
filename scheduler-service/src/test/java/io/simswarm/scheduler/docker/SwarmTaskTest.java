package io.simswarm.scheduler.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SwarmTaskTest {

    private static SwarmTask task(String state, String error, Integer exitCode) {
        return new SwarmTask("t1", 1, state, state, error, exitCode, null, Instant.now());
    }

    @Test
    void aMissingImageOrProgramCannotStart() {
        assertThat(task("rejected", "No such image: simswarm/x:1", null).cannotStart()).isTrue();
        assertThat(task("failed", "starting container failed: exec: \"./sim\": not found", 127).cannotStart())
                .isTrue();
        assertThat(task("failed", "task: non-zero exit (1)", 1).cannotStart()).as("a worker that ran and failed")
                .isFalse();
    }

    @Test
    void aTaskTakenBackFromAFullNodeJustEnded() {
        SwarmTask task = task("rejected", "assigned node no longer meets constraints", null);

        assertThat(task.cannotStart()).isFalse();
        assertThat(task.reassignable()).isTrue();
        assertThat(task.ended()).isTrue();
    }

    @Test
    void aTaskWaitingForRoomWaitsForANode() {
        assertThat(task("pending", "no suitable node (insufficient resources on 1 node)", null).waitingForNode())
                .isTrue();
        assertThat(task("running", null, null).waitingForNode()).isFalse();
    }
}
