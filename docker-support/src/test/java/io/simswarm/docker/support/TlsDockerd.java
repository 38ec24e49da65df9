package io.simswarm.docker.support;

import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import io.simswarm.docker.CertificateAuthority;
import io.simswarm.docker.CertificateAuthority.ClusterCertificates;
import io.simswarm.docker.DockerClientFactory;
import io.simswarm.docker.DockerClientOptions;
import io.simswarm.docker.DockerEndpoint;
import io.simswarm.docker.TlsMaterial;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Docker engine of its own for a test, reachable only over mutual TLS like the manager of an EC2 cluster:
 * {@code dockerd --tlsverify} on a free loopback port, with certificates from {@link CertificateAuthority} (server
 * certificate for 127.0.0.1), its own data root, exec root, pid file, an empty configuration file, its own bridge
 * interface and no iptables rules, so the machine's own engine is left alone. (It must not run with
 * {@code --bridge=none}: a dockerd started so deletes the machine's {@code docker0}, and every container of the
 * machine's own engine on the default network fails to start until that engine is restarted.) It starts without
 * images. Needs root, iproute2 and dockerd (Debian's docker.io). Its log goes to
 * {@code target/tls-dockerd-NAME.log}.
 */
public final class TlsDockerd implements AutoCloseable {

    /** Options of the tests' own clients. */
    public static final DockerClientOptions OPTIONS = new DockerClientOptions(DockerClientOptions.API_1_41,
            Duration.ofSeconds(5), Duration.ofMinutes(2), 4);

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final ClusterCertificates certificates;
    private final Path root;
    private final Path log;
    private final int port;
    private final String bridge;
    private final Process process;
    private final Thread stopAtExit;
    private final DockerClient client;

    private TlsDockerd(String name) throws IOException {
        certificates = CertificateAuthority.issue(name, List.of("127.0.0.1"));
        // short: containerd's sockets live below the exec root and unix socket paths are limited to 108 bytes
        root = Files.createTempDirectory("sstls", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        log = Files.createDirectories(Path.of("target")).resolve("tls-dockerd-" + name + ".log").toAbsolutePath();
        Files.writeString(root.resolve("daemon.json"), "{}\n");
        Files.writeString(root.resolve("ca.pem"), certificates.caCertPem());
        Files.writeString(root.resolve("server.pem"), certificates.serverCertPem());
        Files.writeString(root.resolve("server-key.pem"), certificates.serverKeyPem());
        port = freePort();
        bridge = "sstls" + port;
        ip("link", "add", bridge, "type", "bridge");
        ip("addr", "add", "10.239." + (port % 250) + ".1/24", "dev", bridge);
        ip("link", "set", bridge, "up");
        process = new ProcessBuilder("dockerd",
                "--config-file", root.resolve("daemon.json").toString(),
                "--data-root", root.resolve("data").toString(),
                "--exec-root", root.resolve("exec").toString(),
                "--pidfile", root.resolve("docker.pid").toString(),
                "-H", "tcp://127.0.0.1:" + port,
                "--tlsverify",
                "--tlscacert", root.resolve("ca.pem").toString(),
                "--tlscert", root.resolve("server.pem").toString(),
                "--tlskey", root.resolve("server-key.pem").toString(),
                "--bridge=" + bridge, "--iptables=false", "--ip-masq=false")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        stopAtExit = new Thread(this::stopProcess, "stop-tls-dockerd-" + name);
        Runtime.getRuntime().addShutdownHook(stopAtExit);
        client = DockerClientFactory.client(endpoint(), OPTIONS);
    }

    /** Starts an engine whose certificates name it {@code name}, and waits until it answers over TLS. */
    public static TlsDockerd start(String name) {
        TlsDockerd engine;
        try {
            engine = new TlsDockerd(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start dockerd for " + name, e);
        }
        try {
            await("dockerd with TLS on " + engine.host() + " (log: " + engine.log + ")").atMost(START_TIMEOUT)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptionsMatching(e -> !(e instanceof IllegalStateException))
                    .until(engine::answers);
            return engine;
        } catch (RuntimeException e) {
            engine.close();
            throw e;
        }
    }

    /** The endpoint as a cluster's {@code dockerHost}: {@code tcp://127.0.0.1:PORT}. */
    public String host() {
        return "tcp://127.0.0.1:" + port;
    }

    /** The client side of the engine's mutual TLS, as the provisioner hands it out. */
    public TlsMaterial clientMaterial() {
        return certificates.clientMaterial();
    }

    public ClusterCertificates certificates() {
        return certificates;
    }

    public DockerEndpoint endpoint() {
        return new DockerEndpoint(host(), clientMaterial());
    }

    /** A client with the right certificates, kept until {@link #close()}. */
    public DockerClient client() {
        return client;
    }

    public Path dataRoot() {
        return root.resolve("data");
    }

    private boolean answers() {
        if (!process.isAlive()) {
            throw new IllegalStateException("dockerd exited with " + process.exitValue() + "; see " + log);
        }
        client.pingCmd().exec();
        return true;
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // the engine goes away next
        }
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException e) {
            // already shutting down
        }
        delete(root);
    }

    private void stopProcess() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            ip("link", "delete", bridge);
        } catch (IOException | IllegalStateException e) {
            // already gone
        }
    }

    private static void ip(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        Process ip = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(ip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ip.waitFor(30, TimeUnit.SECONDS) || ip.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // what is left is in the temporary folder
        }
    }
}
