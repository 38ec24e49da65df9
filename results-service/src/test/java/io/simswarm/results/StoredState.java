package io.simswarm.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * What the results service has stored: the row count of every table an upload writes, the rows of campaigns and
 * outbox events whose campaign id starts with a prefix (other tests' campaigns arrive from Kafka at any time), and
 * the files of the local store. Two snapshots around a refused request must be equal, and the staging area must
 * hold no upload afterwards.
 */
public record StoredState(Map<String, Long> rows, List<String> files) {

    private static final List<String> TABLES = List.of("run", "result_file", "parse_error", "scalar", "statistic",
            "parameter", "vector", "superseded_upload");

    public static StoredState of(DataSource dataSource, Path storeDir, String campaignPrefix) {
        Map<String, Long> rows = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : TABLES) {
                rows.put(table, count(s, "select count(*) from " + table));
            }
            rows.put("campaign " + campaignPrefix + "*",
                    count(s, "select count(*) from campaign where id like '" + campaignPrefix + "%'"));
            rows.put("outbox " + campaignPrefix + "*",
                    count(s, "select count(*) from outbox where record_key like '" + campaignPrefix + "%'"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new StoredState(rows, files(storeDir));
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The files of the store, staging area left out, relative to its root. */
    private static List<String> files(Path storeDir) {
        if (!Files.exists(storeDir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(storeDir)) {
            return paths.filter(Files::isRegularFile).map(p -> storeDir.relativize(p).toString())
                    .filter(p -> !p.startsWith(".staging")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that no upload is staged: the staging area holds the instance folders of living services (and their
     * lock files), each of them empty.
     */
    public static void assertNothingStaged(Path storeDir) {
        Path staging = storeDir.resolve(".staging");
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> instances = Files.list(staging)) {
            for (Path instance : instances.filter(Files::isDirectory).toList()) {
                try (Stream<Path> uploads = Files.list(instance)) {
                    assertThat(uploads.toList()).as("uploads staged in " + instance).isEmpty();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
