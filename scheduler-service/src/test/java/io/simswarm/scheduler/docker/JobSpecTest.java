package io.simswarm.scheduler.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSpecTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void describesAReplicatedJobWithLimitsLabelsAndRestarts() {
        JsonNode spec = new JobSpec(json, "simswarm-c1-w1", "img:1")
                .label("io.simswarm.campaign", "c1")
                .env("A", "1")
                .env("EMPTY", "")
                .env("NULL", null)
                .command(List.of("/opt/simswarm/bin/simswarm-runner"))
                .dir("/opt/queueing")
                .hostname("{{.Node.Hostname}}-w{{.Task.Slot}}")
                .network("host")
                .tasks(4, 2)
                .restarts(3)
                .cpus(0.5)
                .toJson();

        assertThat(spec.path("Name").asText()).isEqualTo("simswarm-c1-w1");
        assertThat(spec.path("Labels").path("io.simswarm.campaign").asText()).isEqualTo("c1");
        JsonNode container = spec.path("TaskTemplate").path("ContainerSpec");
        assertThat(container.path("Image").asText()).isEqualTo("img:1");
        assertThat(container.path("Command").get(0).asText()).isEqualTo("/opt/simswarm/bin/simswarm-runner");
        assertThat(container.path("Env")).hasSize(1);
        assertThat(container.path("Env").get(0).asText()).isEqualTo("A=1");
        assertThat(container.path("Dir").asText()).isEqualTo("/opt/queueing");
        assertThat(container.path("Hostname").asText()).isEqualTo("{{.Node.Hostname}}-w{{.Task.Slot}}");
        assertThat(container.path("Labels").path("io.simswarm.campaign").asText()).isEqualTo("c1");
        JsonNode template = spec.path("TaskTemplate");
        assertThat(template.path("Resources").path("Reservations").path("NanoCPUs").asLong()).isEqualTo(500_000_000L);
        assertThat(template.path("RestartPolicy").path("Condition").asText()).isEqualTo("on-failure");
        assertThat(template.path("RestartPolicy").path("MaxAttempts").asInt()).isEqualTo(3);
        assertThat(template.path("Networks").get(0).path("Target").asText()).isEqualTo("host");
        assertThat(spec.path("Mode").path("ReplicatedJob").path("MaxConcurrent").asInt()).isEqualTo(2);
        assertThat(spec.path("Mode").path("ReplicatedJob").path("TotalCompletions").asInt()).isEqualTo(4);
    }

    @Test
    void anIsolatedTaskRunsAsItsUserWithNoCapabilitiesAndBoundedMemoryAndProcesses() {
        JsonNode template = new JobSpec(json, "x", "img").cpus(1.0)
                .isolated(new Isolation("1000:1000", 512L << 20, 256)).toJson().path("TaskTemplate");

        JsonNode container = template.path("ContainerSpec");
        assertThat(container.path("User").asText()).isEqualTo("1000:1000");
        assertThat(container.path("CapabilityDrop")).hasSize(1);
        assertThat(container.path("CapabilityDrop").get(0).asText()).isEqualTo("ALL");
        assertThat(container.has("Mounts")).isFalse();
        assertThat(template.path("Resources").path("Limits").path("MemoryBytes").asLong()).isEqualTo(512L << 20);
        assertThat(template.path("Resources").path("Limits").path("Pids").asLong()).isEqualTo(256);
        assertThat(template.path("Resources").path("Reservations").path("NanoCPUs").asLong())
                .isEqualTo(1_000_000_000L);
    }

    @Test
    void aCpuLimitCapsTheContainerBesideItsOtherLimitsAndReservesNothing() {
        JsonNode resources = new JobSpec(json, "x", "img").cpuLimit(0.5)
                .isolated(new Isolation("1000:1000", 512L << 20, 256)).toJson().path("TaskTemplate")
                .path("Resources");

        assertThat(resources.path("Limits").path("NanoCPUs").asLong()).isEqualTo(500_000_000L);
        assertThat(resources.path("Limits").path("MemoryBytes").asLong()).isEqualTo(512L << 20);
        assertThat(resources.has("Reservations")).isFalse();
    }

    @Test
    void neverAsksSwarmForUnlimitedRestartsOrZeroCpus() {
        JsonNode spec = new JobSpec(json, "x", "img").restarts(0).toJson();

        assertThat(spec.path("TaskTemplate").path("RestartPolicy").path("MaxAttempts").asInt()).isEqualTo(1);
        assertThat(spec.path("TaskTemplate").has("Resources")).isFalse();
        assertThat(spec.path("TaskTemplate").has("Networks")).isFalse();
    }
}
