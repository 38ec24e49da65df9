package io.simswarm.results.provenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.results.campaign.Campaign;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads the provenance of a campaign and of its runs from what the build events and the uploads recorded. */
@ApplicationScoped
public class ProvenanceService {

    private static final String RUN_SQL = "select run_number, run_id, config_name, repetition, itervar_names, "
            + "itervar_values, attributes->>'seedset', provenance, upload_id, uploaded_at from run "
            + "where campaign_id = ?";

    private final DataSource dataSource;
    private final ObjectMapper mapper;

    public ProvenanceService(DataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public CampaignManifest manifest(Campaign campaign) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            List<RunProvenance> runs = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(RUN_SQL + " order by run_number")) {
                s.setString(1, campaign.id);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        runs.add(run(rs));
                    }
                }
            }
            return new CampaignManifest(campaign.id, campaign.cluster, campaign.status, build(c, campaign.id), runs);
        }
    }

    /** The run's provenance; 404 when it has no stored results. */
    public RunProvenance run(String campaignId, int run) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(RUN_SQL + " and run_number = ?")) {
            s.setString(1, campaignId);
            s.setInt(2, run);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("Run " + run + " of campaign '" + campaignId
                            + "' has no stored results.");
                }
                return run(rs);
            }
        }
    }

    private static BuildProvenance build(Connection c, String campaignId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select repo_url, ref, commit_sha, workdir, base_image, "
                + "build_command, build_id, image, build_cached, build_requested_at, build_finished_at, "
                + "image_digest, base_image_digest, simulator_version "
                + "from campaign where id = ?")) {
            s.setString(1, campaignId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Boolean cached = rs.getBoolean(9);
                return new BuildProvenance(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(12),
                        rs.getString(13), rs.getString(14), rs.wasNull() ? null : cached, instant(rs.getTimestamp(10)),
                        instant(rs.getTimestamp(11)));
            }
        }
    }

    private RunProvenance run(ResultSet rs) throws SQLException {
        String[] names = (String[]) rs.getArray(5).getArray();
        String[] values = (String[]) rs.getArray(6).getArray();
        Map<String, String> itervars = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            itervars.put(names[i], values[i]);
        }
        JsonNode runner = runner(rs.getString(8));
        int repetition = rs.getInt(4);
        return new RunProvenance(rs.getInt(1), rs.getString(2), rs.getString(3), rs.wasNull() ? null : repetition,
                itervars, rs.getString(7), text(runner, "command"), text(runner, "worker"), text(runner, "host"),
                runner.hasNonNull("attempt") ? runner.get("attempt").asInt() : null, time(runner, "startedAt"),
                time(runner, "finishedAt"), runner.hasNonNull("durationMs") ? runner.get("durationMs").asLong() : null,
                runner.hasNonNull("exitCode") ? runner.get("exitCode").asInt() : null, text(runner, "runner"),
                rs.getLong(9), instant(rs.getTimestamp(10)));
    }

    private JsonNode runner(String json) {
        try {
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Instant time(JsonNode node, String field) {
        try {
            return node.hasNonNull(field) ? Instant.parse(node.get(field).asText()) : null;
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
