package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the outage tests and the fault drill share: a campaign of long runs submitted over REST, the scheduler's
 * answers, the infrastructure switched off and on, and what the services' tables say about a campaign.
 */
final class Drills {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String E2E_DB = "jdbc:postgresql://127.0.0.1:5432/simswarm_e2e";

    private Drills() {
    }

    /** Submits six runs of MM1 at some 4-8 s each, two at a time, no retries, of the repository at {@code project}. */
    static String submitLongRuns(Path project) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("repoUrl", project.toUri().toString(), "config", "MM1",
                "buildCommand", "make", "runCommand", "./queueing", "simArgs", "--sim-time-limit=30000s",
                "maxParallel", 2, "retries", 0));
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(
                        URI.create(ServiceCluster.SCHEDULER.url() + "/campaigns"))
                .header("Content-Type", "application/json").header("Authorization", TestKeys.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).path("id").asText();
    }

    /** {@code GET path} of the scheduler; an answer other than 200 is an IOException. */
    static JsonNode scheduler(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(ServiceCluster.SCHEDULER.url() + path)).header("Authorization", TestKeys.authorization())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** True while a campaign has not ended. */
    static boolean underWay(JsonNode campaign) {
        return campaign.path("status").asText().matches("BUILDING|EXPANDING|RUNNING");
    }

    /** Uploads of the campaign that a later upload of the same run replaced: runs stored twice. */
    static long storedTwice(String campaignId) {
        return count("select count(*) from results.superseded_upload where campaign_id = ?", campaignId);
    }

    /** Runs of the campaign whose results the results service holds. */
    static long storedRuns(String campaignId) {
        return count("select count(*) from results.run where campaign_id = ?", campaignId);
    }

    /** True once the build service works on the campaign's build (cloning or building). */
    static boolean building(String campaignId) {
        return count("select count(*) from build.build where campaign_id = ? and status in ('CLONING', 'BUILDING')",
                campaignId) > 0;
    }

    /** {@code deploy/infra.sh ARGS} from the project {@code root}, which must succeed. */
    static void infra(Path root, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("deploy/infra.sh").toString()));
        command.addAll(List.of(args));
        Processes.check(root, command);
    }

    private static long count(String sql, String campaignId) {
        try (Connection db = DriverManager.getConnection(E2E_DB, "simswarm", "simswarm");
                var query = db.prepareStatement(sql)) {
            query.setString(1, campaignId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the e2e database did not answer " + sql, e);
        }
    }
}
