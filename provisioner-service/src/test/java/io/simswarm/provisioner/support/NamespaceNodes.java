package io.simswarm.provisioner.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Namespace nodes made by deploy/nodes.sh (dockerd per network namespace), and the user data's swarm parts run
 * against them, exactly as an EC2 instance would run them after installing Docker.
 */
public final class NamespaceNodes {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path NODES_SH = REPO.resolve("deploy/nodes.sh");
    private static final Path PARTS = Path.of("src/main/resources/userdata").toAbsolutePath();

    private final String prefix;
    private final String subnet;

    public NamespaceNodes(String prefix, String subnet) {
        this.prefix = prefix;
        this.subnet = subnet;
    }

    public void up(int count) {
        nodesSh("up", Integer.toString(count));
    }

    public void down() {
        nodesSh("down");
    }

    /** (Re)starts a node's dockerd with the engine label the EC2 user data gives it. */
    public void boot(String node, String instanceId) {
        nodesSh("start", node, "--label", "simswarm.instance-id=" + instanceId);
    }

    public void powerOff(String node) {
        nodesSh("stop", node);
    }

    public String socket(String node) {
        return "unix:///run/simswarm-nodes/" + prefix + "/" + node + "/docker.sock";
    }

    public String address(String node) {
        return subnet + "." + (10 + Integer.parseInt(node.substring(1)));
    }

    /** Runs swarm-manager.sh or swarm-worker.sh of the user data on the node; SSM is moto's. */
    public Process runPart(String node, String part, String cluster) {
        ProcessBuilder builder = new ProcessBuilder("bash", PARTS.resolve("run-part.sh").toString(), part)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(node).toFile()));
        Map<String, String> env = builder.environment();
        env.put("DOCKER_HOST", socket(node));
        env.put("SIMSWARM_DOCKER", "/usr/bin/docker");
        env.put("SIMSWARM_ADVERTISE_ADDR", address(node));
        env.put("SIMSWARM_CLUSTER", cluster);
        env.put("SIMSWARM_REGION", Moto.REGION);
        env.put("SIMSWARM_PARAM_PATH", "/simswarm/" + cluster);
        env.put("SIMSWARM_AWS_ENDPOINT", Moto.ENDPOINT);
        env.put("SIMSWARM_JOIN_TIMEOUT", "120");
        env.put("AWS_ACCESS_KEY_ID", "test");
        env.put("AWS_SECRET_ACCESS_KEY", "test");
        try {
            return builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + part, e);
        }
    }

    private Path logFile(String node) {
        return Path.of("target", "nodes-" + prefix + "-" + node + ".log").toAbsolutePath();
    }

    private void nodesSh(String... args) {
        List<String> command = new ArrayList<>(List.of("bash", NODES_SH.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SIMSWARM_NODES_PREFIX", prefix);
        builder.environment().put("SIMSWARM_NODES_SUBNET", subnet);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("deploy/nodes.sh " + String.join(" ", args) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run deploy/nodes.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
