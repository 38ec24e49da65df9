package io.simswarm.results.export;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.results.campaign.Campaign;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.results.omnetpp.LineReader;
import io.simswarm.results.omnetpp.Numbers;
import io.simswarm.results.omnetpp.ParseException;
import io.simswarm.results.provenance.CampaignManifest;
import io.simswarm.results.provenance.ProvenanceService;
import io.simswarm.results.query.TableWriter;
import io.simswarm.results.storage.ResultStore;
import io.simswarm.results.storage.UploadLocation;
import io.simswarm.results.upload.StoredFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;

/** Files of a campaign: the zip of all runs, a run's log, its file list, and vector data points. */
@ApplicationScoped
public class ExportService {

    /** The campaign's provenance in the zip, next to the {@code results/} folder. */
    static final String MANIFEST = "provenance.json";

    private final DataSource dataSource;
    private final ResultStore store;
    private final ProvenanceService provenance;
    private final ObjectMapper mapper;

    public ExportService(DataSource dataSource, ResultStore store, ProvenanceService provenance, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.store = store;
        this.provenance = provenance;
        this.mapper = mapper;
    }

    public CampaignSummary summary(Campaign campaign) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select count(*), coalesce(sum(scalar_count), 0), coalesce(sum(parse_error_count), 0) "
                        + "from run where campaign_id = ?")) {
            s.setString(1, campaign.id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new CampaignSummary(campaign.id, campaign.cluster, campaign.status, campaign.totalRuns,
                        rs.getLong(1), rs.getLong(2), rs.getLong(3), campaign.updatedAt);
            }
        }
    }

    /** The runner's account of a run, which the zip carries in its manifest instead. */
    private static final String RUNNER_FILE = "simswarm-run.json";

    /** One stored file of a run, as the zip needs it. */
    private record Entry(int run, long uploadId, String path, java.sql.Timestamp modifiedAt) {
    }

    /**
     * Writes every stored file of the campaign as a zip laid out like a local {@code results/} folder. A path that
     * several runs uploaded (a fixed output file name) goes under {@code results/run-N/} for each of them. Each entry
     * carries the file's original modification time. The runners' {@code simswarm-run.json} files are not copied;
     * what they say is in the campaign's provenance manifest, {@code provenance.json} beside {@code results/}.
     */
    public void zip(Campaign campaign, OutputStream out) throws SQLException, IOException {
        String campaignId = campaign.id;
        CampaignManifest manifest = provenance.manifest(campaign);
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> uses = new HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select r.run_number, r.upload_id, f.path, f.modified_at from run r "
                        + "join result_file f on f.upload_id = r.upload_id "
                        + "where r.campaign_id = ? order by r.run_number, f.path")) {
            s.setString(1, campaignId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Entry entry = new Entry(rs.getInt(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4));
                    if (entry.path().equals(RUNNER_FILE)) {
                        continue;
                    }
                    entries.add(entry);
                    uses.merge(entry.path(), 1, Integer::sum);
                }
            }
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        byte[] buffer = new byte[1 << 16];
        for (Entry entry : entries) {
            String name = uses.get(entry.path()) > 1 ? "results/run-" + entry.run() + "/" + entry.path()
                    : "results/" + entry.path();
            ZipEntry zipEntry = new ZipEntry(name);
            if (entry.modifiedAt() != null) {
                // the extended timestamp field keeps the time in UTC to the second, as the .vci index records it
                zipEntry.setLastModifiedTime(java.nio.file.attribute.FileTime.from(entry.modifiedAt().toInstant()));
            }
            zip.putNextEntry(zipEntry);
            try (InputStream in = store.open(new UploadLocation(campaignId, entry.run(), entry.uploadId()),
                    entry.path())) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    zip.write(buffer, 0, n);
                }
            }
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry(MANIFEST));
        zip.write(mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        zip.closeEntry();
        zip.finish();
        zip.flush();
    }

    public RunFiles runFiles(String campaignId, int run) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long uploadId;
            String runId;
            java.time.Instant uploadedAt;
            int errorCount;
            try (PreparedStatement s = c.prepareStatement("select upload_id, run_id, uploaded_at, parse_error_count "
                    + "from run where campaign_id = ? and run_number = ?")) {
                s.setString(1, campaignId);
                s.setInt(2, run);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        throw noResults(campaignId, run);
                    }
                    uploadId = rs.getLong(1);
                    runId = rs.getString(2);
                    uploadedAt = rs.getTimestamp(3).toInstant();
                    errorCount = rs.getInt(4);
                }
            }
            return new RunFiles(campaignId, run, runId, uploadedAt, files(c, uploadId), errorCount,
                    errors(c, uploadId));
        }
    }

    private static List<StoredFile> files(Connection c, long uploadId) throws SQLException {
        List<StoredFile> files = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select path, size, sha256, modified_at from result_file where upload_id = ? order by path")) {
            s.setLong(1, uploadId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    java.sql.Timestamp modified = rs.getTimestamp(4);
                    files.add(new StoredFile(rs.getString(1), rs.getLong(2), rs.getString(3),
                            modified == null ? null : modified.toInstant()));
                }
            }
        }
        return files;
    }

    private static List<RunFiles.ParseError> errors(Connection c, long uploadId) throws SQLException {
        List<RunFiles.ParseError> errors = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "select file, line, reason from parse_error where upload_id = ? order by file, line")) {
            s.setLong(1, uploadId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    errors.add(new RunFiles.ParseError(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
        }
        return errors;
    }

    /** The run's .out file (stdout and stderr of the simulation): the top-level one, else the first by name. */
    public InputStream log(String campaignId, int run) throws SQLException, IOException {
        RunFiles files = runFiles(campaignId, run);
        String log = files.files().stream().map(StoredFile::name).filter(n -> n.endsWith(".out"))
                .sorted(java.util.Comparator.comparing((String name) -> name.contains("/"))
                        .thenComparing(java.util.Comparator.naturalOrder()))
                .findFirst()
                .orElseThrow(() -> ApiException.notFound("Run " + run + " of campaign '" + campaignId
                        + "' has no .out log among its files."));
        long uploadId = currentUpload(campaignId, run);
        return store.open(new UploadLocation(campaignId, run, uploadId), log);
    }

    private long currentUpload(String campaignId, int run) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select upload_id from run where campaign_id = ? and run_number = ?")) {
            s.setString(1, campaignId);
            s.setInt(2, run);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw noResults(campaignId, run);
                }
                return rs.getLong(1);
            }
        }
    }

    /** Where a vector's data lines are: its file, declaration and byte ranges. */
    public record VectorLocation(UploadLocation upload, String file, int vectorId, String columns, long[] offsets,
            long[] lengths) {
    }

    public VectorLocation vector(String campaignId, String key) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "select r.run_number, r.upload_id, v.file, v.vector_id, v.columns, v.block_offsets, v.block_lengths "
                        + "from run r join vector v on v.upload_id = r.upload_id "
                        + "where r.campaign_id = ? and v.vector_key = ?")) {
            s.setString(1, campaignId);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("Campaign '" + campaignId + "' has no vector with key '" + key
                            + "'; GET /campaigns/" + campaignId + "/vectors lists the keys.");
                }
                return new VectorLocation(new UploadLocation(campaignId, rs.getInt(1), rs.getLong(2)),
                        rs.getString(3), rs.getInt(4), rs.getString(5), longs(rs.getArray(6)), longs(rs.getArray(7)));
            }
        }
    }

    /** Reads the vector's data lines from the stored .vec file, range by range, and writes its points. */
    public void vectorData(VectorLocation vector, TableWriter out) throws IOException {
        List<String> columns = new ArrayList<>();
        for (char c : vector.columns().toCharArray()) {
            columns.add(c == 'E' ? "event" : c == 'T' ? "time" : "value");
        }
        out.start(columns, List.of());
        String prefix = vector.vectorId() + "";
        for (int i = 0; i < vector.offsets().length; i++) {
            try (InputStream in = store.open(vector.upload(), vector.file(), vector.offsets()[i],
                    vector.lengths()[i])) {
                LineReader lines = new LineReader(in);
                String line;
                while ((line = lines.next()) != null) {
                    writePoint(line, prefix, columns, out);
                }
            }
        }
    }

    private static void writePoint(String line, String prefix, List<String> columns, TableWriter out)
            throws IOException {
        String[] fields = line.trim().split("[ \t]+");
        if (!fields[0].equals(prefix) || fields.length != columns.size() + 1) {
            return;
        }
        long[] events = new long[columns.size()];
        double[] numbers = new double[columns.size()];
        try {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).equals("event")) {
                    events[i] = Numbers.parseLong(fields[i + 1]);
                } else {
                    numbers[i] = Numbers.parse(fields[i + 1]);
                }
            }
        } catch (ParseException e) {
            return; // a malformed data line was reported when the file was parsed
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equals("event")) {
                out.integer("event", events[i]);
            } else {
                out.number(columns.get(i), numbers[i]);
            }
        }
        out.endRow();
    }

    private static long[] longs(java.sql.Array array) throws SQLException {
        Long[] boxed = (Long[]) array.getArray();
        long[] values = new long[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }

    private static ApiException noResults(String campaignId, int run) {
        return ApiException.notFound("Run " + run + " of campaign '" + campaignId + "' has no stored results.");
    }
}
