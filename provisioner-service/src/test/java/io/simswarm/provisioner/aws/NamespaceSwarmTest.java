package io.simswarm.provisioner.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.events.ClusterEvent;
import io.simswarm.provisioner.support.Clusters;
import io.simswarm.provisioner.support.Ec2MachineSimulator;
import io.simswarm.provisioner.support.Kafka.ClusterEventsProbe;
import io.simswarm.provisioner.support.Moto;
import io.simswarm.provisioner.support.NamespaceNodes;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proof that the user data's swarm part works: the same swarm-manager.sh and swarm-worker.sh an instance runs form a
 * real 3-node swarm of dockerd processes in network namespaces (join token through moto's SSM Parameter Store, as a
 * SecureString), which the provisioner then reports through GET /clusters/{name}. A node that goes down is
 * announced as NODE_LOST on cluster-events.
 */
@QuarkusTest
class NamespaceSwarmTest {

    private static final NamespaceNodes NODES = new NamespaceNodes("pvn", "10.234.0");

    @BeforeAll
    static void nodesUp() {
        NODES.down();
        NODES.up(3);
    }

    @AfterAll
    static void nodesDown() {
        NODES.down();
    }

    @Test
    void userDataFormsAThreeNodeSwarmThatTheProvisionerReports() {
        String name = Clusters.uniqueName("ns");
        try (ClusterEventsProbe events = new ClusterEventsProbe();
                Ec2MachineSimulator machines = new Ec2MachineSimulator(name, NODES, 3).start()) {
            Clusters.create(Map.of("name", name, "provider", "aws", "workers", 2, "dockerHost", NODES.socket("n1")));
            JsonPath ready = Clusters.awaitState(name, "READY");
            machines.assertHealthy();

            assertThat(ready.getList("nodes")).hasSize(3);
            assertThat(ready.getList("nodes.hostname")).containsExactlyInAnyOrder("pvn-n1", "pvn-n2", "pvn-n3");
            assertThat(ready.getList("nodes.address")).containsExactlyInAnyOrder("10.234.0.11", "10.234.0.12",
                    "10.234.0.13");
            assertThat(ready.getString("nodes.find { it.hostname == 'pvn-n1' }.role")).isEqualTo("manager");
            assertThat(ready.getList("nodes.findAll { it.role == 'worker' }.hostname"))
                    .containsExactlyInAnyOrder("pvn-n2", "pvn-n3");
            assertThat(ready.getList("nodes.state")).containsOnly("ready");
            assertThat(ready.getList("nodes.instanceId")).containsExactlyInAnyOrderElementsOf(
                    Moto.instances(name).stream().map(i -> i.instanceId()).toList());
            assertThat(ready.getList("nodes.cpus", Float.class)).allSatisfy(cpus -> assertThat(cpus).isPositive());
            assertThat(Moto.SSM.getParameter(r -> r.name("/simswarm/" + name + "/join-token-worker")
                    .withDecryption(true)).parameter().value()).startsWith("SWMTKN-");
            assertThat(Moto.SSM.getParameter(r -> r.name("/simswarm/" + name + "/manager-address"))
                    .parameter().value()).isEqualTo("10.234.0.11:2377");

            NODES.powerOff("n3");
            await().atMost(Duration.ofMinutes(2)).until(() -> events.of(name).stream().anyMatch(event ->
                    event.type() == ClusterEvent.Type.NODE_LOST && event.detail().contains("pvn-n3")));
        } finally {
            Clusters.deleteQuietly(name);
        }
        AwsLifecycleTest.assertNothingTaggedLeft(name);
    }
}
