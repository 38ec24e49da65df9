package io.simswarm.scheduler.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.simswarm.testing.AdminByDefault;
import io.simswarm.testing.TestTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The built scheduler ({@code target/quarkus-app/quarkus-run.jar}) as a process of its own, for tests that kill it:
 * against the real PostgreSQL (a schema of its own in the test database), Kafka (consumer groups of its own) and
 * swarm, with the {@link StandIns} for the other services. Every start uses the same port, schema and groups, as a
 * restarted service would. More instances of the same scheduler (same schema and consumer groups, ports of their
 * own) run side by side as replicas would: {@link #start(int)}. Registered as a JUnit extension
 * ({@code @RegisterExtension static}): the stand-ins start before the test class and REST Assured points at the first
 * instance with an admin token on every request; the processes are killed after each test, and the stand-ins and the
 * schema go after the class.
 */
public final class SchedulerProcess implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** A Kafka address nothing listens on: the broker is away for a scheduler started with it. */
    public static final String NO_KAFKA = "127.0.0.1:1";

    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/simswarm_test";

    private final String schema;
    private final StandIns standIns = new StandIns();
    private final String groups = UUID.randomUUID().toString();
    private final List<Instance> instances = new ArrayList<>();
    private Map<String, String> standInSettings;
    private int starts;

    /** One scheduler process: its port and, while it runs, its process. */
    private static final class Instance {
        private final int port;
        private Process process;

        private Instance(int port) {
            this.port = port;
        }
    }

    /** A scheduler working in {@code schema} of the test database. */
    public SchedulerProcess(String schema) {
        this.schema = schema;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, SQLException {
        dropSchema();
        standInSettings = standIns.start();
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = instance(0).port;
        AdminByDefault.install();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        for (int i = 0; i < instances.size(); i++) {
            kill(i);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        afterEach(context);
        standIns.stop();
        dropSchema();
        RestAssured.reset();
    }

    /** Starts the (first) scheduler with the real broker and waits until it is ready. */
    public void start() throws IOException {
        start(0);
    }

    /** Starts instance number {@code number} (0, 1, ...) with the real broker and waits until it is ready. */
    public void start(int number) throws IOException {
        start(number, Map.of());
    }

    /** Starts instance number {@code number} with these settings added and waits until it is ready. */
    public void start(int number, Map<String, String> settings) throws IOException {
        int port = launch(number, "127.0.0.1:9092", settings);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> given().port(port).when().get("/q/health/ready").statusCode() == 200);
    }

    /**
     * Starts the (first) scheduler with the broker at {@code kafka} and waits until it answers (not necessarily
     * ready); a scheduler started before is killed first.
     */
    public void start(String kafka) throws IOException {
        launch(0, kafka, Map.of());
    }

    /** The HTTP port of instance {@code number}. */
    public int port(int number) {
        return instance(number).port;
    }

    private int launch(int number, String kafka, Map<String, String> extra) throws IOException {
        kill(number);
        int port = instance(number).port;
        starts++;
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        Map<String, String> settings = new LinkedHashMap<>(standInSettings);
        settings.put("quarkus.http.port", String.valueOf(port));
        settings.put("quarkus.datasource.jdbc.url", JDBC);
        settings.put("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema", schema);
        settings.put("quarkus.flyway.schemas", schema);
        settings.put("quarkus.hibernate-orm.database.default-schema", schema);
        settings.put("kafka.bootstrap.servers", kafka);
        settings.put("mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString());
        settings.put("simswarm.repos.allow-file", "true");
        // as in the in-process tests: the stand-ins listen on loopback, which tasks on the host network reach
        settings.put("simswarm.scheduler.swarm.network", "host");
        settings.put("mp.messaging.incoming.build-results.group.id", schema + "-" + groups);
        settings.put("mp.messaging.incoming.results-stored.group.id", schema + "-" + groups);
        settings.putAll(extra);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createDirectories(Path.of("target", schema)).resolve("scheduler-" + number + "-" + starts
                + ".log");
        instance(number).process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> given().port(port).when().get("/q/health/live").statusCode() == 200);
        return port;
    }

    /** kill -9 of the (first) scheduler: no shutdown hook runs, nothing is flushed. */
    public void kill() {
        kill(0);
    }

    /** kill -9 of instance {@code number}. */
    public void kill(int number) {
        Instance instance = instance(number);
        if (instance.process != null) {
            try {
                instance.process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            instance.process = null;
        }
    }

    private Instance instance(int number) {
        while (instances.size() <= number) {
            try (ServerSocket socket = new ServerSocket(0)) {
                instances.add(new Instance(socket.getLocalPort()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instances.get(number);
    }

    /** How many rows a query of the scheduler's schema counts, e.g. events waiting in the outbox. */
    public long count(String sql, Object... parameters) throws SQLException {
        return Long.parseLong(value(sql, parameters));
    }

    /** The first column of the first row a query of the scheduler's schema answers, as text; null for none. */
    public String value(String sql, Object... parameters) throws SQLException {
        try (Connection db = DriverManager.getConnection(JDBC, "simswarm", "simswarm");
                var statement = db.prepareStatement(sql.replace("{schema}", schema))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private void dropSchema() throws SQLException {
        try (Connection db = DriverManager.getConnection(JDBC, "simswarm", "simswarm");
                Statement sql = db.createStatement()) {
            sql.execute("drop schema if exists " + schema + " cascade");
        }
    }
}
