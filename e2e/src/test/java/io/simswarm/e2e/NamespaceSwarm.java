package io.simswarm.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A swarm of Docker engines in network namespaces on this machine (deploy/nodes.sh): n1 its manager, the others
 * workers. The nodes reach this machine at the bridge's address ({@link #bridgeAddress()}) and pull images over plain
 * HTTP from the registry named at start.
 */
final class NamespaceSwarm implements AutoCloseable {

    private final Path root;
    private final String prefix;
    private final String subnet;
    private final String registry;

    NamespaceSwarm(Path root, String prefix, String subnet, String registry) {
        this.root = root;
        this.prefix = prefix;
        this.subnet = subnet;
        this.registry = registry;
    }

    /** Makes {@code count} fresh nodes and forms their swarm. */
    NamespaceSwarm up(int count) throws IOException, InterruptedException {
        nodes("down");
        nodes("up", String.valueOf(count));
        docker("n1", "swarm", "init", "--advertise-addr", address("n1"));
        String token = docker("n1", "swarm", "join-token", "-q", "worker").strip();
        for (int i = 2; i <= count; i++) {
            String node = "n" + i;
            docker(node, "swarm", "join", "--advertise-addr", address(node), "--token", token, address("n1") + ":2377");
        }
        return this;
    }

    /** Copies an image of this machine's engine into a node's engine (docker save | docker load). */
    void load(String node, String image) throws IOException, InterruptedException {
        Processes.check(root, List.of("bash", "-c", "set -o pipefail; docker save " + image + " | docker -H "
                + socket(node) + " load -q"));
    }

    /** The node drops off the network and its engine stops, as a lost cloud machine would. */
    void lose(String node) throws IOException, InterruptedException {
        nodes("lose", node);
    }

    /** The Docker endpoint of a node's engine. */
    String socket(String node) {
        return "unix:///run/simswarm-nodes/" + prefix + "/" + node + "/docker.sock";
    }

    /** The host name a node's engine reports (its namespace's name). */
    String hostname(String node) {
        return prefix + "-" + node;
    }

    String address(String node) {
        return subnet + "." + (10 + Integer.parseInt(node.substring(1)));
    }

    /** This machine's address on the nodes' bridge. */
    String bridgeAddress() {
        return subnet + ".1";
    }

    /** {@code docker ARGS} against a node's engine, which must succeed; its standard output. */
    String docker(String node, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker", "-H", socket(node)));
        command.addAll(List.of(args));
        return Processes.check(root, command);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        nodes("down");
    }

    private void nodes(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("deploy/nodes.sh").toString()));
        command.addAll(List.of(args));
        Processes.Result result = Processes.run(root, Map.of("SIMSWARM_NODES_PREFIX", prefix,
                "SIMSWARM_NODES_SUBNET", subnet, "SIMSWARM_NODES_INSECURE_REGISTRY", registry), 600, command);
        if (result.exitCode() != 0) {
            throw new IOException(command + " failed:\n" + result.stdout() + result.stderr());
        }
    }
}
