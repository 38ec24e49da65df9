package io.simswarm.provisioner.aws;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.simswarm.events.ClusterEvent;
import io.simswarm.provisioner.support.Clusters;
import io.simswarm.provisioner.support.Ec2MachineSimulator;
import io.simswarm.provisioner.support.Kafka.ClusterEventsProbe;
import io.simswarm.provisioner.support.Moto;
import io.simswarm.provisioner.support.NamespaceNodes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * The whole life of an EC2 cluster against moto: create with 3 workers, resize to 5 and to 1, halt, resume, delete,
 * checking EC2 through the SDK after each step. Moto boots no machines, so namespace nodes play them
 * ({@link Ec2MachineSimulator}): each running instance gets a dockerd labelled with its id that runs the swarm part
 * of the instance's user data; the cluster's manager endpoint points at the manager node's socket.
 */
@QuarkusTest
class AwsLifecycleTest {

    private static final NamespaceNodes NODES = new NamespaceNodes("pvl", "10.233.0");
    private static final int NODE_COUNT = 6;

    @BeforeAll
    static void nodesUp() {
        NODES.down();
        NODES.up(NODE_COUNT);
    }

    @AfterAll
    static void nodesDown() {
        NODES.down();
    }

    @Test
    void createResizeHaltResumeDelete() {
        String name = Clusters.uniqueName("life");
        try (ClusterEventsProbe events = new ClusterEventsProbe();
                Ec2MachineSimulator machines = new Ec2MachineSimulator(name, NODES, NODE_COUNT).start()) {
            JsonPath accepted = Clusters.create(Map.of("name", name, "provider", "aws", "workers", 3,
                    "instanceType", "c5.xlarge", "managerInstanceType", "c5.large", "sshCidr", "198.51.100.0/24",
                    "apiCidr", "203.0.113.0/24", "dockerHost", NODES.socket("n1")));
            assertThat(accepted.getString("state")).isEqualTo("CREATING");

            JsonPath ready = Clusters.awaitState(name, "READY");
            machines.assertHealthy();
            assertThat(ready.getList("nodes")).hasSize(4);
            assertThat(ready.getList("nodes.role")).containsExactlyInAnyOrder("manager", "worker", "worker", "worker");
            assertThat(ready.getString("registry")).isEqualTo("127.0.0.1:5000");
            assertThat(running(name, "manager")).hasSize(1).allSatisfy(i -> assertThat(i.instanceTypeAsString())
                    .isEqualTo("c5.large"));
            assertThat(running(name, "worker")).hasSize(3).allSatisfy(i -> assertThat(i.instanceTypeAsString())
                    .isEqualTo("c5.xlarge"));
            checkSecurityGroup(name);
            checkManagerExtras(name);
            given().header("X-SimSwarm-Internal-Key", "test-internal-key")
                    .when().get("/clusters/" + name + "/ssh-key")
                    .then().statusCode(200).body(containsString("PRIVATE KEY-----"));
            given().when().get("/clusters/" + name + "/ssh-key").then().statusCode(403);
            await().until(() -> events.typesOf(name).contains(ClusterEvent.Type.READY));

            List<String> firstThree = ids(running(name, "worker"));
            resize(name, 5);
            JsonPath five = Clusters.awaitState(name, "READY");
            assertThat(five.getList("nodes")).hasSize(6);
            assertThat(running(name, "worker")).hasSize(5);
            await().until(() -> events.typesOf(name).contains(ClusterEvent.Type.RESIZED));

            List<String> addedTwo = ids(running(name, "worker")).stream()
                    .filter(id -> !firstThree.contains(id)).toList();
            assertThat(addedTwo).hasSize(2);
            resize(name, 1);
            JsonPath one = Clusters.awaitState(name, "READY");
            List<String> survivor = ids(running(name, "worker"));
            assertThat(survivor).hasSize(1).isSubsetOf(firstThree);
            assertThat(Moto.instances(name, "worker", "terminated")).hasSize(4);
            assertThat(ids(Moto.instances(name, "worker", "terminated"))).containsAll(addedTwo);
            assertThat(one.getList("nodes")).hasSize(2);
            assertThat(one.getList("nodes.instanceId", String.class)).contains(survivor.get(0))
                    .doesNotContainAnyElementsOf(addedTwo);

            Clusters.post(name, "halt", null, 202);
            Clusters.awaitState(name, "HALTED");
            await().atMost(Duration.ofMinutes(1)).until(() -> machines.poweredOff() == 2);
            assertThat(Moto.instances(name).stream().filter(i -> !"terminated".equals(i.state().nameAsString()))
                    .map(i -> i.state().nameAsString())).hasSize(2).containsOnly("stopped");
            given().contentType(ContentType.JSON).body(Map.of("workers", 2))
                    .when().post("/clusters/" + name + "/resize")
                    .then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("is HALTED and cannot be resized: resume it first"));
            given().when().post("/clusters/" + name + "/halt").then().statusCode(409);

            Clusters.post(name, "resume", null, 202);
            JsonPath resumed = Clusters.awaitState(name, "READY");
            assertThat(running(name, "manager")).hasSize(1);
            assertThat(running(name, "worker")).hasSize(1);
            assertThat(resumed.getList("nodes.state")).containsOnly("ready");
            assertThat(resumed.getList("nodes")).hasSize(2);

            JsonPath cost = given().when().get("/clusters/" + name + "/cost").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(cost.getList("lines.instanceType")).containsExactlyInAnyOrder("c5.large", "c5.xlarge");
            assertThat(cost.getLong("lines.find { it.instanceType == 'c5.xlarge' }.instances")).isEqualTo(5);
            assertThat(cost.getDouble("totalHours")).isPositive();
            double expected = cost.getList("lines", Map.class).stream()
                    .mapToDouble(line -> ((Number) line.get("hours")).doubleValue()
                            * ((Number) line.get("pricePerHour")).doubleValue())
                    .sum();
            assertThat(cost.getDouble("estimate")).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));

            given().when().delete("/clusters/" + name).then().statusCode(202);
            Clusters.awaitState(name, "DELETED");
            assertThat(Moto.instances(name)).allSatisfy(i -> assertThat(i.state().nameAsString())
                    .isEqualTo("terminated"));
            assertNothingTaggedLeft(name);
            await().atMost(Duration.ofSeconds(30)).until(() -> events.typesOf(name).containsAll(List.of(
                    ClusterEvent.Type.READY, ClusterEvent.Type.RESIZED, ClusterEvent.Type.HALTED,
                    ClusterEvent.Type.RESUMED, ClusterEvent.Type.DELETED)));

            given().contentType(ContentType.JSON).body(Map.of("workers", 2))
                    .when().post("/clusters/" + name + "/resize")
                    .then().statusCode(409).body("detail", containsString("is DELETED"));
            given().when().delete("/clusters/" + name).then().statusCode(409);
            machines.assertHealthy();
        } finally {
            Clusters.deleteQuietly(name);
        }
    }

    private static void resize(String name, int workers) {
        given().contentType(ContentType.JSON).body(Map.of("workers", workers))
                .when().post("/clusters/" + name + "/resize")
                .then().statusCode(202)
                .body("state", org.hamcrest.Matchers.equalTo("RESIZING"))
                .body("workers", org.hamcrest.Matchers.equalTo(workers));
    }

    private static List<String> ids(List<Instance> instances) {
        return instances.stream().map(Instance::instanceId).toList();
    }

    private static List<Instance> running(String name, String role) {
        return Moto.instances(name, role, "running");
    }

    /** Exactly the swarm ports inside the group, the TLS port and SSH from their CIDRs, nothing else. */
    private static void checkSecurityGroup(String name) {
        SecurityGroup group = Moto.EC2.describeSecurityGroups(r -> r.filters(Moto.clusterTag(name)))
                .securityGroups().get(0);
        assertThat(group.groupName()).isEqualTo("simswarm-" + name);
        List<String> rules = group.ipPermissions().stream().map(p -> describe(p, group.groupId())).toList();
        assertThat(rules).containsExactlyInAnyOrder("tcp 2377 group", "tcp 7946 group", "udp 7946 group",
                "udp 4789 group", "tcp 2376 203.0.113.0/24", "tcp 22 198.51.100.0/24");
        assertThat(Moto.instances(name)).allSatisfy(instance -> assertThat(instance.securityGroups())
                .extracting(g -> g.groupId()).containsExactly(group.groupId()));
    }

    private static String describe(IpPermission permission, String groupId) {
        String source = permission.userIdGroupPairs().stream().anyMatch(pair -> groupId.equals(pair.groupId()))
                ? "group"
                : String.join(",", permission.ipRanges().stream().map(range -> range.cidrIp()).toList());
        return permission.ipProtocol() + " " + permission.fromPort() + " " + source;
    }

    /** Elastic IP on the manager, least-privilege profiles, key pair, tags, user data with the swarm part. */
    private static void checkManagerExtras(String name) {
        Instance manager = running(name, "manager").get(0);
        Address address = Moto.EC2.describeAddresses(r -> r.filters(Moto.clusterTag(name))).addresses().get(0);
        assertThat(address.instanceId()).isEqualTo(manager.instanceId());
        assertThat(manager.keyName()).isEqualTo("simswarm-" + name);
        assertThat(manager.iamInstanceProfile().arn()).endsWith("simswarm-" + name + "-manager");
        Instance worker = running(name, "worker").get(0);
        assertThat(worker.iamInstanceProfile().arn()).endsWith("simswarm-" + name + "-worker");
        assertThat(Moto.tag(worker, "simswarm:cluster")).isEqualTo(name);
        String workerPolicy = java.net.URLDecoder.decode(Moto.IAM.getRolePolicy(r -> r
                .roleName("simswarm-" + name + "-worker").policyName("simswarm-parameters")).policyDocument(),
                StandardCharsets.UTF_8);
        assertThat(workerPolicy).contains("ssm:GetParameter").doesNotContain("PutParameter")
                .contains("parameter/simswarm/" + name + "/join-token-worker");
        String userData = new String(Base64.getDecoder().decode(Moto.EC2.describeInstanceAttribute(r -> r
                .instanceId(manager.instanceId()).attribute("userData")).userData().value()), StandardCharsets.UTF_8);
        assertThat(userData).startsWith("#!/bin/bash").contains("export SIMSWARM_CLUSTER='" + name + "'")
                .contains("docker swarm init").contains("BEGIN CERTIFICATE").doesNotContain("PRIVATE KEY");
        assertThat(Moto.SSM.getParameter(r -> r.name("/simswarm/" + name + "/join-token-worker")
                .withDecryption(true)).parameter().typeAsString()).isEqualTo("SecureString");
        assertThat(Moto.SSM.getParameter(r -> r.name("/simswarm/" + name + "/tls/server-key")
                .withDecryption(true)).parameter().typeAsString()).isEqualTo("SecureString");
    }

    /**
     * Tag queries per resource type (and the IAM and SSM look-ups by name) find nothing of the cluster any more.
     * (moto's DescribeTags keeps the tags of deleted resources, so it cannot be used for this.)
     */
    static void assertNothingTaggedLeft(String name) {
        assertThat(Moto.EC2.describeSecurityGroups(r -> r.filters(Moto.clusterTag(name))).securityGroups()).isEmpty();
        assertThat(Moto.EC2.describeAddresses(r -> r.filters(Moto.clusterTag(name))).addresses()).isEmpty();
        assertThat(Moto.EC2.describeKeyPairs(r -> r.filters(Moto.clusterTag(name))).keyPairs()).isEmpty();
        assertThat(Moto.IAM.listRoles().roles()).noneMatch(role -> role.roleName().contains(name));
        assertThat(Moto.IAM.listInstanceProfiles().instanceProfiles())
                .noneMatch(profile -> profile.instanceProfileName().contains(name));
        assertThat(Moto.SSM.getParametersByPath(r -> r.path("/simswarm/" + name).recursive(true)).parameters())
                .isEmpty();
    }
}
