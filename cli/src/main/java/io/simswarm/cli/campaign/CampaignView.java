package io.simswarm.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What the command line reads from a campaign as the scheduler reports it ({@code GET /campaigns/{id}}); the
 * run counts are 0 until the campaign is expanded. The times mark its phases: submitted, build finished, runs
 * started (expansion finished), finished. Running runs are being run (one per worker); queued ones are leased in a
 * worker's batch and wait behind its running one. The points are null unless the campaign repeats its parameter
 * points until precision targets are met ({@code --until}).
 */
public record CampaignView(String id, String status, String config, String repoUrl, String ref, String error,
        int total, int pending, int running, int queued, int succeeded, int failed, Instant submittedAt, Instant buildFinishedAt,
        Instant startedAt, Instant finishedAt, Points points) {

    /**
     * The parameter points of a campaign with targets by state: still getting repetitions (open), every target
     * within its limit (met), at the most repetitions without meeting them (budget), a targeted scalar in none of the
     * point's results (no data).
     */
    public record Points(int total, int open, int met, int budget, int noData) {

        static Points of(JsonNode json) {
            return json == null || !json.isObject() ? null : new Points(json.path("total").asInt(),
                    json.path("open").asInt(), json.path("met").asInt(), json.path("budget").asInt(),
                    json.path("noData").asInt());
        }
    }

    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    public static CampaignView of(JsonNode json) {
        JsonNode runs = json.path("runs");
        return new CampaignView(json.path("id").asText(), json.path("status").asText("UNKNOWN"),
                json.path("config").asText(""), text(json, "repoUrl"), text(json, "ref"), text(json, "error"),
                runs.path("total").asInt(), runs.path("pending").asInt(), runs.path("running").asInt(),
                runs.path("queued").asInt(), runs.path("succeeded").asInt(), runs.path("failed").asInt(), instant(json, "submittedAt"),
                instant(json, "buildFinishedAt"), instant(json, "startedAt"), instant(json, "finishedAt"),
                Points.of(json.get("points")));
    }

    public boolean terminal() {
        return TERMINAL.contains(status);
    }

    public int done() {
        return succeeded + failed;
    }

    /** True when the campaign has ended and every one of its runs succeeded: the exit code 0 rule. */
    public boolean allSucceeded() {
        return "SUCCEEDED".equals(status) && failed == 0;
    }

    /** From submission to the end, or null while the campaign has not ended. */
    public Duration duration() {
        return submittedAt == null || finishedAt == null ? null : Duration.between(submittedAt, finishedAt);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Instant instant(JsonNode json, String field) {
        String value = text(json, field);
        return value == null ? null : Instant.parse(value);
    }
}
