package io.simswarm.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Set;

/** What the command line reads from a campaign as the scheduler reports it ({@code GET /campaigns/{id}}). */
public record CampaignView(String id, String status, String config, String error, int pending, int running,
        int succeeded, int failed, Instant createdAt, Instant startedAt, Instant finishedAt) {

    private static final Set<String> TERMINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

    public static CampaignView of(JsonNode json) {
        JsonNode counts = json.path("counts");
        return new CampaignView(json.path("id").asText(), json.path("status").asText("UNKNOWN"),
                json.path("config").asText(""), text(json, "error"),
                counts.path("pending").asInt(), counts.path("running").asInt(),
                counts.path("succeeded").asInt(), counts.path("failed").asInt(),
                instant(json, "createdAt"), instant(json, "startedAt"), instant(json, "finishedAt"));
    }

    public boolean terminal() {
        return TERMINAL.contains(status);
    }

    /** Runs known so far; 0 before the campaign is expanded. */
    public int total() {
        return pending + running + succeeded + failed;
    }

    public int done() {
        return succeeded + failed;
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
