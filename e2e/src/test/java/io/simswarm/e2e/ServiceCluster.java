package io.simswarm.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * The four SimSwarm services, each started as its own process from its packaged jar
 * ({@code <service>/target/quarkus-app/quarkus-run.jar}), on ports of their own so that services a developer
 * left running on 8081-8084 do not interfere. They share a database of their own ({@code simswarm_e2e}, cleaned at
 * start), Kafka consumer groups of their own, a fresh token secret and a fresh internal key (with which the build
 * service and the scheduler read cluster certificates from the provisioner). Logs go to
 * {@code e2e/target/e2e-logs}.
 */
final class ServiceCluster implements AutoCloseable {

    /** One service: its module name, its port and the Kafka channels it consumes. */
    record Service(String name, int port, List<String> incomingChannels) {

        String url() {
            return "http://127.0.0.1:" + port;
        }
    }

    static final Service PROVISIONER = new Service("provisioner", 18081, List.of("campaign-events"));
    static final Service BUILD = new Service("build", 18082, List.of("build-requests"));
    static final Service SCHEDULER = new Service("scheduler", 18083, List.of("build-results", "results-stored"));
    static final Service RESULTS = new Service("results", 18084,
            List.of("campaign-events", "build-requests", "build-results"));
    static final List<Service> ALL = List.of(PROVISIONER, RESULTS, BUILD, SCHEDULER);
    /** Port of the test identity provider whose tokens the services accept ({@code SIMSWARM_OIDC_URL}). */
    static final int IDENTITY_PROVIDER_PORT = 18090;
    static final String IDENTITY_PROVIDER = "http://127.0.0.1:" + IDENTITY_PROVIDER_PORT;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    private final Path logs;
    private final Path resultsStore;
    private final String runId = UUID.randomUUID().toString().substring(0, 8);
    private final String tokenSecret = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final String internalKey = UUID.randomUUID().toString();
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    private final String taskHost;
    private final Map<String, String> settings;

    ServiceCluster(Path root) throws IOException {
        this(root, null, Map.of());
    }

    /**
     * Services whose run containers reach them at {@code taskHost} (null: this machine's address on docker_gwbridge),
     * with {@code settings} added to every service's environment.
     */
    ServiceCluster(Path root, String taskHost, Map<String, String> settings) throws IOException {
        this.taskHost = taskHost;
        this.settings = Map.copyOf(settings);
        this.root = root;
        this.logs = Files.createDirectories(root.resolve("e2e/target/e2e-logs"));
        this.resultsStore = Files.createTempDirectory("simswarm-e2e-results");
    }

    /** Starts every service and waits until each reports ready. */
    ServiceCluster start() throws IOException {
        for (Service service : ALL) {
            processes.put(service, launch(service, true));
            awaitReady(service, Duration.ofMinutes(3));
        }
        return this;
    }

    /** Kills a service with SIGKILL, as {@code kill -9} would: no shutdown of any kind. */
    void kill(Service service) throws InterruptedException {
        Process process = processes.get(service);
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts a service again on its database as it was left (no clean) and waits until it reports ready. */
    void restart(Service service) throws IOException {
        processes.put(service, launch(service, false));
        awaitReady(service, Duration.ofMinutes(3));
    }

    /**
     * Every secret these services were given, the admin token of the command line and the private key's body:
     * none of them may appear in a log.
     */
    List<String> secrets() throws IOException {
        String privateKey = Files.readString(TestKeys.privateKeyFile()).lines()
                .filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        return List.of(tokenSecret, internalKey, TestKeys.adminToken(), privateKey);
    }

    /** The folder of the services' logs. */
    Path logs() {
        return logs;
    }

    /** The environment that points the command line at these services. */
    Map<String, String> cliEnvironment() {
        Map<String, String> environment = new HashMap<>();
        for (Service service : ALL) {
            environment.put("SIMSWARM_" + service.name().toUpperCase() + "_URL", service.url());
        }
        environment.put("SIMSWARM_TOKEN", TestKeys.adminToken());
        return environment;
    }

    private Process launch(Service service, boolean cleanDatabase) throws IOException {
        Path jar = root.resolve(service.name() + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn package)");
        }
        List<String> command = new ArrayList<>(List.of("java", "-Xmx512m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(cleanDatabase ? ProcessBuilder.Redirect.to(log(service).toFile())
                        : ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("SIMSWARM_" + service.name().toUpperCase() + "_PORT", String.valueOf(service.port()));
        environment.put("SIMSWARM_DB_URL", "jdbc:postgresql://127.0.0.1:5432/simswarm_e2e");
        environment.put("QUARKUS_FLYWAY_CLEAN_AT_START", String.valueOf(cleanDatabase));
        environment.put("SIMSWARM_ALLOW_FILE_REPOS", "true");
        // each service gets only the secrets it uses
        environment.put("SIMSWARM_JWT_PUBLIC_KEY", TestKeys.publicKeyFile().toString());
        switch (service.name()) {
            case "provisioner" -> {
                environment.put("SIMSWARM_JWT_PRIVATE_KEY", TestKeys.privateKeyFile().toString());
                environment.put("SIMSWARM_INTERNAL_KEY", internalKey);
            }
            case "build" -> environment.put("SIMSWARM_INTERNAL_KEY", internalKey);
            case "scheduler" -> {
                environment.put("SIMSWARM_TOKEN_SECRET", tokenSecret);
                environment.put("SIMSWARM_INTERNAL_KEY", internalKey);
            }
            default -> {
                environment.put("SIMSWARM_TOKEN_SECRET", tokenSecret);
                environment.put("SIMSWARM_INTERNAL_KEY", internalKey);
            }
        }
        // tokens of the test identity provider are accepted too (DashboardEndToEndIT starts it; lazily contacted)
        environment.put("SIMSWARM_OIDC_URL", IDENTITY_PROVIDER);
        environment.put("SIMSWARM_OIDC_AUDIENCE", "simswarm");
        environment.put("SIMSWARM_RESULTS_DIR", resultsStore.toString());
        environment.put("SIMSWARM_SCHEDULER_PROVISIONER_URL", PROVISIONER.url());
        environment.put("SIMSWARM_BUILD_PROVISIONER_URL", PROVISIONER.url());
        // the runs reach the two services they need through the host's address on the swarm's gateway bridge
        String tasksReach = taskHost == null ? hostForTasks() : taskHost;
        environment.put("SIMSWARM_SCHEDULER_TASK_SCHEDULER_URL", "http://" + tasksReach + ":" + SCHEDULER.port());
        environment.put("SIMSWARM_SCHEDULER_RESULTS_URL", RESULTS.url());
        environment.put("SIMSWARM_SCHEDULER_TASK_RESULTS_URL", "http://" + tasksReach + ":" + RESULTS.port());
        for (String channel : service.incomingChannels()) {
            String key = "MP_MESSAGING_INCOMING_" + channel.toUpperCase().replace('-', '_') + "_GROUP_ID";
            environment.put(key, "e2e-" + runId + "-" + service.name());
        }
        environment.putAll(settings);
        return builder.start();
    }

    /** This machine's address on docker_gwbridge, where tasks on an overlay network reach it. */
    static String hostForTasks() {
        try {
            Process inspect = new ProcessBuilder("docker", "network", "inspect", "docker_gwbridge", "--format",
                    "{{range .IPAM.Config}}{{.Gateway}}{{end}}").redirectErrorStream(true).start();
            String address = new String(inspect.getInputStream().readAllBytes()).strip();
            if (inspect.waitFor() != 0 || address.isEmpty()) {
                throw new IllegalStateException("no gateway address on docker_gwbridge: " + address);
            }
            return address;
        } catch (IOException e) {
            throw new IllegalStateException("cannot ask Docker for the gateway bridge", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitReady(Service service, Duration timeout) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create(service.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Awaitility.await(service.name() + "-service ready (log: " + log(service) + ")")
                .atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!processes.get(service).isAlive()) {
                        throw new IllegalStateException(service.name() + "-service exited during start-up; see "
                                + log(service));
                    }
                    try {
                        return HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException notListeningYet) {
                        return false;
                    }
                });
    }

    private Path log(Service service) {
        return logs.resolve(service.name() + "-service.log");
    }

    @Override
    public void close() throws InterruptedException {
        List<Service> reversed = new ArrayList<>(processes.keySet());
        Collections.reverse(reversed);
        for (Service service : reversed) {
            Process process = processes.get(service);
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
