package io.simswarm.results.upload;

import io.simswarm.results.omnetpp.RunHeader;
import io.simswarm.results.storage.UploadLocation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The SQL of one upload's transaction: campaign, run pointer, and removal of the replaced upload's rows. */
final class RunRows {

    private static final String[] UPLOAD_TABLES = {"scalar", "statistic", "parameter", "vector", "result_file",
        "parse_error"};

    private final Connection c;
    private final UploadLocation location;

    RunRows(Connection c, UploadLocation location) {
        this.c = c;
        this.location = location;
    }

    /** An upload for a campaign not heard of yet creates it; its campaign event may come later. */
    void ensureCampaign() throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into campaign (id, total_runs, created_at, updated_at) "
                + "values (?, 0, now(), now()) on conflict (id) do nothing")) {
            s.setString(1, location.campaignId());
            s.executeUpdate();
        }
    }

    /** Serialises uploads of the same run until the end of the transaction. */
    void lock() throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?), ?)")) {
            s.setString(1, location.campaignId());
            s.setInt(2, location.runNumber());
            s.executeQuery().close();
        }
    }

    Long currentUpload() throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "select upload_id from run where campaign_id = ? and run_number = ?")) {
            s.setString(1, location.campaignId());
            s.setInt(2, location.runNumber());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    void upsertRun(RunHeader header, List<StoredFile> files, long scalars, int statistics, int vectors,
            int parseErrors) throws SQLException {
        Map<String, String> itervars = header == null ? Map.of() : header.itervars();
        try (PreparedStatement s = c.prepareStatement("insert into run (campaign_id, run_number, upload_id, run_id, "
                + "config_name, repetition, itervar_names, itervar_values, attributes, config_entries, file_count, "
                + "total_bytes, scalar_count, statistic_count, vector_count, parse_error_count, uploaded_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, now()) "
                + "on conflict (campaign_id, run_number) do update set upload_id = excluded.upload_id, "
                + "run_id = excluded.run_id, config_name = excluded.config_name, repetition = excluded.repetition, "
                + "itervar_names = excluded.itervar_names, itervar_values = excluded.itervar_values, "
                + "attributes = excluded.attributes, config_entries = excluded.config_entries, "
                + "file_count = excluded.file_count, total_bytes = excluded.total_bytes, "
                + "scalar_count = excluded.scalar_count, statistic_count = excluded.statistic_count, "
                + "vector_count = excluded.vector_count, parse_error_count = excluded.parse_error_count, "
                + "uploaded_at = excluded.uploaded_at")) {
            s.setString(1, location.campaignId());
            s.setInt(2, location.runNumber());
            s.setLong(3, location.uploadId());
            s.setString(4, header == null ? null : header.runId());
            s.setString(5, header == null ? null : header.configName());
            s.setObject(6, header == null ? null : header.repetition());
            s.setArray(7, c.createArrayOf("text", itervars.keySet().toArray(String[]::new)));
            s.setArray(8, c.createArrayOf("text", itervars.values().toArray(String[]::new)));
            s.setString(9, Json.object(header == null ? Map.of() : header.attributes()));
            s.setString(10, configJson(header));
            s.setInt(11, files.size());
            s.setLong(12, files.stream().mapToLong(StoredFile::size).sum());
            s.setLong(13, scalars);
            s.setInt(14, statistics);
            s.setInt(15, vectors);
            s.setInt(16, parseErrors);
            s.executeUpdate();
        }
    }

    /** Config entries as a JSON array of {@code [key, value]} pairs, in file order (keys may repeat). */
    private static String configJson(RunHeader header) {
        StringBuilder out = new StringBuilder("[");
        List<Map.Entry<String, String>> entries = header == null ? new ArrayList<>() : header.config();
        for (int i = 0; i < entries.size(); i++) {
            out.append(i == 0 ? "[" : ",[");
            Json.string(out, entries.get(i).getKey());
            out.append(',');
            Json.string(out, entries.get(i).getValue());
            out.append(']');
        }
        return out.append(']').toString();
    }

    /** Deletes the rows of the replaced upload and queues its files for deletion. */
    void supersede(long previous) throws SQLException {
        for (String table : UPLOAD_TABLES) {
            try (PreparedStatement s = c.prepareStatement("delete from " + table + " where upload_id = ?")) {
                s.setLong(1, previous);
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement("insert into superseded_upload "
                + "(upload_id, campaign_id, run_number, superseded_at) values (?, ?, ?, now())")) {
            s.setLong(1, previous);
            s.setString(2, location.campaignId());
            s.setInt(3, location.runNumber());
            s.executeUpdate();
        }
    }
}
