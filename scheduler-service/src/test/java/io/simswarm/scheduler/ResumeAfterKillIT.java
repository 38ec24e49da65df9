package io.simswarm.scheduler;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.simswarm.scheduler.support.Campaigns;
import io.simswarm.scheduler.support.StandIns;
import io.simswarm.scheduler.support.SwarmServices;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the scheduler in the middle of a campaign, then a new start: the built application
 * ({@code target/quarkus-app/quarkus-run.jar}) runs as its own process against the real PostgreSQL, Kafka and
 * swarm (in its own schema and consumer groups), while {@link StandIns} stand in for the provisioner, the build
 * service and the results upload. The campaign must finish with every run's results uploaded exactly once and no
 * run attempted a second time.
 */
class ResumeAfterKillIT {

    private static final String SCHEMA = "scheduler_resume_it";
    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/simswarm_test";

    private static final StandIns standIns = new StandIns();
    private static final String groupSuffix = UUID.randomUUID().toString();
    private static Map<String, String> standInConfig;
    private static int port;
    private static Process scheduler;
    private static int starts;

    @BeforeAll
    static void startStandIns() throws SQLException, IOException {
        dropSchema();
        standInConfig = standIns.start();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = port;
    }

    @AfterAll
    static void stop() throws SQLException {
        if (scheduler != null) {
            scheduler.destroyForcibly();
        }
        standIns.stop();
        dropSchema();
        RestAssured.reset();
    }

    @Test
    void aCampaignFinishesAfterTheSchedulerIsKilledWithNothingLostOrRunTwice() throws Exception {
        startScheduler();
        Map<String, Object> body = Campaigns.queueing("MMc");
        body.put("runFilter", "$n<=2");
        body.put("simArgs", "--sim-time-limit=3000s");
        String id = given().contentType(ContentType.JSON).body(body).when().post("/campaigns")
                .then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> Campaigns.get(id).getInt("runs.succeeded") >= 3);

        JsonPath beforeKill = runsOf(id);
        scheduler.destroyForcibly().waitFor();
        assertThat(SwarmServices.of(id, "workers")).as("workers outlive the scheduler").hasSize(1);
        startScheduler();

        JsonPath campaign = Campaigns.awaitStatus(id, "SUCCEEDED", Duration.ofMinutes(4));
        assertThat(campaign.getInt("runs.total")).isEqualTo(12);
        assertThat(campaign.getInt("runs.succeeded")).isEqualTo(12);
        JsonPath runs = runsOf(id);
        assertThat(runs.getList("attempts", Integer.class)).as("attempts per run").containsOnly(1);
        for (int run : runs.getList("runNumber", Integer.class)) {
            assertThat(StandIns.uploads(id, run)).as("uploads of run %d", run).isEqualTo(1);
        }
        assertThat(beforeKill.getList("state")).contains("SUCCEEDED");
        await().atMost(Duration.ofSeconds(60)).until(() -> SwarmServices.of(id).isEmpty());
    }

    private static JsonPath runsOf(String id) {
        return given().when().get("/campaigns/" + id + "/runs").then().statusCode(200).extract().jsonPath();
    }

    private static void startScheduler() throws IOException {
        starts++;
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).exists();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        Map<String, String> settings = new java.util.LinkedHashMap<>(standInConfig);
        settings.put("quarkus.http.port", String.valueOf(port));
        settings.put("quarkus.datasource.jdbc.url", JDBC);
        settings.put("quarkus.datasource.jdbc.additional-jdbc-properties.currentSchema", SCHEMA);
        settings.put("quarkus.flyway.schemas", SCHEMA);
        settings.put("quarkus.hibernate-orm.database.default-schema", SCHEMA);
        settings.put("mp.messaging.incoming.build-results.group.id", "scheduler-resume-it-" + groupSuffix);
        settings.put("mp.messaging.incoming.results-stored.group.id", "scheduler-resume-it-" + groupSuffix);
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = Files.createDirectories(Path.of("target", "resume-it")).resolve("scheduler-" + starts + ".log");
        scheduler = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
    }

    private static void dropSchema() throws SQLException {
        try (Connection db = DriverManager.getConnection(JDBC, "simswarm", "simswarm");
                Statement sql = db.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }
}
