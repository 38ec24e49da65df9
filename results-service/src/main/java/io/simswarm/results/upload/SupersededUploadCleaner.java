package io.simswarm.results.upload;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.simswarm.results.config.ResultsConfig;
import io.simswarm.results.storage.ResultStore;
import io.simswarm.results.storage.UploadLocation;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Deletes the files of uploads that a newer upload of the same run replaced, once
 * {@code simswarm.results.superseded-retention} has passed: requests that resolved the old upload before the
 * swap (a zip download, a vector read) can still finish reading it.
 */
@ApplicationScoped
public class SupersededUploadCleaner {

    private final DataSource dataSource;
    private final ResultStore store;
    private final ResultsConfig config;

    public SupersededUploadCleaner(DataSource dataSource, ResultStore store, ResultsConfig config) {
        this.dataSource = dataSource;
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "${simswarm.results.cleanup-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            clean();
        } catch (SQLException | RuntimeException e) {
            Log.warnf("cleaning replaced uploads failed, trying again later: %s", e.getMessage());
        }
    }

    /** Deletes what is due now; returns the number of uploads removed. */
    public int clean() throws SQLException {
        int removed = 0;
        for (UploadLocation location : due()) {
            try {
                store.delete(location);
                forget(location.uploadId());
                removed++;
            } catch (IOException e) {
                Log.warnf("could not delete the files of upload %d: %s", location.uploadId(), e.getMessage());
            }
        }
        return removed;
    }

    private List<UploadLocation> due() throws SQLException {
        List<UploadLocation> due = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select campaign_id, run_number, upload_id "
                        + "from superseded_upload where superseded_at <= now() - ? * interval '1 millisecond' "
                        + "order by superseded_at limit 1000")) {
            s.setLong(1, config.supersededRetention().toMillis());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    due.add(new UploadLocation(rs.getString(1), rs.getInt(2), rs.getLong(3)));
                }
            }
        }
        return due;
    }

    private void forget(long uploadId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("delete from superseded_upload where upload_id = ?")) {
            s.setLong(1, uploadId);
            s.executeUpdate();
        }
    }
}
