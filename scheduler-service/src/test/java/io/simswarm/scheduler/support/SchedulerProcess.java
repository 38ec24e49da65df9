package io.simswarm.scheduler.support;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import java.io.IOException;
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
 * restarted service would. Registered as a JUnit extension ({@code @RegisterExtension static}): the stand-ins start
 * before the test class and REST Assured points at the scheduler; the process is killed after each test, and the
 * stand-ins and the schema go after the class.
 */
public final class SchedulerProcess implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    /** A Kafka address nothing listens on: the broker is away for a scheduler started with it. */
    public static final String NO_KAFKA = "127.0.0.1:1";

    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/simswarm_test";

    private final String schema;
    private final StandIns standIns = new StandIns();
    private final String groups = UUID.randomUUID().toString();
    private Map<String, String> standInSettings;
    private int port;
    private Process process;
    private int starts;

    /** A scheduler working in {@code schema} of the test database. */
    public SchedulerProcess(String schema) {
        this.schema = schema;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, SQLException {
        dropSchema();
        standInSettings = standIns.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = port;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        kill();
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        kill();
        standIns.stop();
        dropSchema();
        RestAssured.reset();
    }

    /** Starts the scheduler with the real broker and waits until it is ready. */
    public void start() throws IOException {
        start("127.0.0.1:9092");
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> given().port(port).when().get("/q/health/ready").statusCode() == 200);
    }

    /**
     * Starts the scheduler with the broker at {@code kafka} and waits until it answers (not necessarily ready); a
     * scheduler started before is killed first.
     */
    public void start(String kafka) throws IOException {
        kill();
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
        settings.put("mp.messaging.incoming.build-results.group.id", schema + "-" + groups);
        settings.put("mp.messaging.incoming.results-stored.group.id", schema + "-" + groups);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createDirectories(Path.of("target", schema)).resolve("scheduler-" + starts + ".log");
        process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> given().port(port).when().get("/q/health/live").statusCode() == 200);
    }

    /** kill -9: no shutdown hook runs, nothing is flushed. */
    public void kill() {
        if (process != null) {
            try {
                process.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** How many rows a query of the scheduler's schema counts, e.g. events waiting in the outbox. */
    public long count(String sql, Object... parameters) throws SQLException {
        try (Connection db = DriverManager.getConnection(JDBC, "simswarm", "simswarm");
                var statement = db.prepareStatement(sql.replace("{schema}", schema))) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
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
