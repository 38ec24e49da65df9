package io.simswarm.results.upload;

import io.simswarm.results.omnetpp.RunHeader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one upload transaction over the runs of a group: campaign, locks, upload ids, run pointers, and
 * removal of the replaced uploads' rows. Every statement runs on the transaction's connection.
 */
final class RunRows {

    private static final String[] UPLOAD_TABLES = {"scalar", "statistic", "parameter", "vector", "result_file",
        "parse_error"};

    private final Connection c;
    private final String campaignId;

    RunRows(Connection c, String campaignId) {
        this.c = c;
        this.campaignId = campaignId;
    }

    /** An upload for a campaign not heard of yet creates it; its campaign event may come later. */
    void ensureCampaign() throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into campaign (id, total_runs, created_at, updated_at) "
                + "values (?, 0, now(), now()) on conflict (id) do nothing")) {
            s.setString(1, campaignId);
            s.executeUpdate();
        }
    }

    /**
     * Serialises uploads of the same run until the end of the transaction: one advisory lock per campaign and
     * run, taken in ascending run order so that two groups with runs in common cannot deadlock.
     */
    void lock(List<Integer> ascendingRuns) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?), ?)")) {
            s.setString(1, campaignId);
            for (int run : ascendingRuns) {
                s.setInt(2, run);
                s.executeQuery().close();
            }
        }
    }

    /** {@code n} new upload ids in one statement. */
    long[] newUploadIds(int n) throws SQLException {
        long[] ids = new long[n];
        try (PreparedStatement s = c.prepareStatement("select nextval('upload_id_seq') from generate_series(1, ?)")) {
            s.setInt(1, n);
            try (ResultSet rs = s.executeQuery()) {
                for (int i = 0; i < n; i++) {
                    rs.next();
                    ids[i] = rs.getLong(1);
                }
            }
        }
        return ids;
    }

    /** The current upload of each of these runs that has one, by run number. */
    Map<Integer, Long> currentUploads(List<Integer> runs) throws SQLException {
        Map<Integer, Long> current = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "select run_number, upload_id from run where campaign_id = ? and run_number = any(?)")) {
            s.setString(1, campaignId);
            s.setArray(2, c.createArrayOf("integer", runs.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    current.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        return current;
    }

    /** Points each run at its new upload and describes it, in one batch. */
    void upsertRuns(List<StagedRun> runs) throws SQLException, java.io.IOException {
        try (PreparedStatement s = c.prepareStatement("insert into run (campaign_id, run_number, upload_id, run_id, "
                + "config_name, repetition, itervar_names, itervar_values, attributes, config_entries, file_count, "
                + "total_bytes, scalar_count, statistic_count, vector_count, parse_error_count, provenance, "
                + "uploaded_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?, ?::jsonb, now()) "
                + "on conflict (campaign_id, run_number) do update set upload_id = excluded.upload_id, "
                + "run_id = excluded.run_id, config_name = excluded.config_name, repetition = excluded.repetition, "
                + "itervar_names = excluded.itervar_names, itervar_values = excluded.itervar_values, "
                + "attributes = excluded.attributes, config_entries = excluded.config_entries, "
                + "file_count = excluded.file_count, total_bytes = excluded.total_bytes, "
                + "scalar_count = excluded.scalar_count, statistic_count = excluded.statistic_count, "
                + "vector_count = excluded.vector_count, parse_error_count = excluded.parse_error_count, "
                + "provenance = excluded.provenance, uploaded_at = excluded.uploaded_at")) {
            for (StagedRun run : runs) {
                RunHeader header = run.header();
                Map<String, String> itervars = header == null ? Map.of() : header.itervars();
                s.setString(1, campaignId);
                s.setInt(2, run.runNumber());
                s.setLong(3, run.location().uploadId());
                s.setString(4, header == null ? null : header.runId());
                s.setString(5, header == null ? null : header.configName());
                s.setObject(6, header == null ? null : header.repetition());
                s.setArray(7, c.createArrayOf("text", itervars.keySet().toArray(String[]::new)));
                s.setArray(8, c.createArrayOf("text", itervars.values().toArray(String[]::new)));
                s.setString(9, Json.object(header == null ? Map.of() : header.attributes()));
                s.setString(10, configJson(header));
                s.setInt(11, run.files().size());
                s.setLong(12, run.files().stream().mapToLong(StoredFile::size).sum());
                s.setLong(13, run.parsing().scalars());
                s.setInt(14, run.parsing().statistics());
                s.setInt(15, run.vectorCount());
                s.setInt(16, run.parsing().errors().total());
                s.setString(17, run.provenance());
                s.addBatch();
            }
            s.executeBatch();
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

    /** Deletes the rows of the replaced uploads (by run number) and queues their files for deletion. */
    void supersede(Map<Integer, Long> previous) throws SQLException {
        if (previous.isEmpty()) {
            return;
        }
        Object[] uploadIds = previous.values().toArray();
        for (String table : UPLOAD_TABLES) {
            try (PreparedStatement s = c.prepareStatement("delete from " + table + " where upload_id = any(?)")) {
                s.setArray(1, c.createArrayOf("bigint", uploadIds));
                s.executeUpdate();
            }
        }
        try (PreparedStatement s = c.prepareStatement("insert into superseded_upload "
                + "(upload_id, campaign_id, run_number, superseded_at) values (?, ?, ?, now())")) {
            for (Map.Entry<Integer, Long> replaced : previous.entrySet()) {
                s.setLong(1, replaced.getValue());
                s.setString(2, campaignId);
                s.setInt(3, replaced.getKey());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
