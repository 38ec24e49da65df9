package io.simswarm.results.upload;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.events.ResultsStored;
import io.simswarm.events.RunToken;
import io.simswarm.results.campaign.CampaignIds;
import io.simswarm.results.config.ResultsConfig;
import io.simswarm.results.omnetpp.RunHeader;
import io.simswarm.results.omnetpp.VectorSummary;
import io.simswarm.results.storage.ResultStore;
import io.simswarm.results.storage.UploadLocation;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Receives one run's tar.gz: checks the run token, unpacks and validates the archive into a staging folder,
 * parses the result files, stores rows and files, makes the new upload the run's current one in a single
 * transaction (the previous upload's rows go in the same transaction, its files later), and announces it on
 * {@code results-stored}.
 */
@ApplicationScoped
public class UploadService {

    private static final int EVENT_ERROR_LINES = 100;

    private final DataSource dataSource;
    private final ResultStore store;
    private final ResultsConfig config;
    private final RunToken tokens;
    private final Emitter<ResultsStored> resultsStored;

    public UploadService(DataSource dataSource, ResultStore store, ResultsConfig config,
            @Channel("results-stored") Emitter<ResultsStored> resultsStored) {
        this.dataSource = dataSource;
        this.store = store;
        this.config = config;
        this.tokens = new RunToken(config.tokenSecret());
        this.resultsStored = resultsStored;
    }

    /** Throws 401 without a bearer token and 403 when the token is not the one of this run. */
    public void authorize(String campaignId, int runNumber, String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthorized("The upload needs the header 'Authorization: Bearer TOKEN' with the "
                    + "token of run " + runNumber + ".");
        }
        String value = authorization.strip();
        if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiException.unauthorized("The Authorization header must carry a Bearer token.");
        }
        if (!tokens.verify(campaignId, runNumber, value.substring(7).strip())) {
            throw ApiException.forbidden("The token is not the upload token of run " + runNumber + " of campaign '"
                    + campaignId + "'.");
        }
    }

    public UploadReceipt upload(String campaignId, int runNumber, InputStream body, Long contentLength)
            throws IOException {
        CampaignIds.check(campaignId);
        if (runNumber < 0) {
            throw ApiException.badRequest("The run number must not be negative.");
        }
        if (contentLength != null && contentLength > config.maxUploadBytes()) {
            throw ApiException.tooLarge("The upload has " + contentLength + " bytes, more than the limit of "
                    + config.maxUploadBytes() + " bytes.");
        }
        Path staged = store.newStagingFolder();
        try {
            return store(campaignId, runNumber, body, staged);
        } finally {
            store.discard(staged);
        }
    }

    private UploadReceipt store(String campaignId, int runNumber, InputStream body, Path staged) throws IOException {
        List<StoredFile> files = unpack(body, staged);
        ResultParsing parsing = new ResultParsing(staged, files);
        List<VectorFile> vectors = parsing.vectors();
        long uploadId = nextUploadId();
        UploadLocation location = new UploadLocation(campaignId, runNumber, uploadId);
        boolean[] published = {false};
        try {
            QuarkusTransaction.requiringNew().timeout((int) config.uploadTransactionTimeout().toSeconds())
                    .run(() -> persist(location, staged, files, parsing, vectors, published));
        } catch (RuntimeException e) {
            if (published[0]) {
                store.delete(location);
            }
            throw e;
        }
        int vectorCount = vectors.stream().mapToInt(v -> v.vectors().size()).sum();
        announce(campaignId, runNumber, files.size(), parsing);
        Log.infof("stored run %d of campaign %s: %d files, %d scalars, %d parse errors", runNumber, campaignId,
                files.size(), parsing.scalars(), parsing.errors().total());
        return new UploadReceipt(campaignId, runNumber, files, parsing.scalars(), parsing.statistics(), vectorCount,
                parsing.errors().summary(ParseErrors.KEPT));
    }

    private List<StoredFile> unpack(InputStream body, Path staged) throws IOException {
        try {
            return new ArchiveUnpacker(config.maxUploadBytes(), config.maxFiles()).unpack(body, staged);
        } catch (UploadTooLargeException e) {
            throw ApiException.tooLarge(e.getMessage());
        }
    }

    private long nextUploadId() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("select nextval('upload_id_seq')");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot allocate an upload id", e);
        }
    }

    private void persist(UploadLocation location, Path staged, List<StoredFile> files, ResultParsing parsing,
            List<VectorFile> vectors, boolean[] published) {
        try (Connection c = dataSource.getConnection()) {
            RunRows rows = new RunRows(c, location);
            rows.ensureCampaign();
            rows.lock();
            Long previous = rows.currentUpload();
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            parsing.scalars(copy, location.uploadId());
            RunHeader header = parsing.headerOr(vectors);
            insertVectors(copy, location, vectors);
            insertFiles(copy, location.uploadId(), files);
            insertErrors(copy, location.uploadId(), parsing.errors());
            int vectorCount = vectors.stream().mapToInt(v -> v.vectors().size()).sum();
            rows.upsertRun(header, files, parsing.scalars(), parsing.statistics(), vectorCount,
                    parsing.errors().total());
            if (previous != null) {
                rows.supersede(previous);
            }
            published[0] = true;
            store.put(location, staged, files.stream().map(StoredFile::name).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("storing the rows of upload " + location.uploadId() + " failed", e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void insertVectors(CopyManager copy, UploadLocation location, List<VectorFile> files)
            throws SQLException, IOException {
        CopyBuffer rows = new CopyBuffer(copy, "vector", "upload_id, vector_key, file, vector_id, module, name, "
                + "columns, attributes, count, min, max, mean, stddev, sum, first_time, last_time, first_event, "
                + "last_event, block_offsets, block_lengths");
        for (int i = 0; i < files.size(); i++) {
            VectorFile file = files.get(i);
            for (VectorSummary v : file.vectors()) {
                String key = location.runNumber() + "-" + v.id() + (i == 0 ? "" : "-" + (i + 1));
                rows.integer(location.uploadId()).text(key).text(file.path()).integer(v.id()).text(v.module())
                        .text(v.name()).text(v.columns()).json(v.attributes()).integer(v.count());
                if (v.count() == 0) {
                    rows.text(null).text(null).text(null).text(null).text(null).text(null).text(null);
                } else {
                    rows.number(v.min()).number(v.max()).number(v.mean()).number(v.stddev()).number(v.sum())
                            .number(v.firstTime()).number(v.lastTime());
                }
                if (v.firstEvent() < 0) {
                    rows.text(null).text(null);
                } else {
                    rows.integer(v.firstEvent()).integer(v.lastEvent());
                }
                rows.integers(v.blockOffsets()).integers(v.blockLengths());
                rows.endRow();
            }
        }
        rows.flush();
    }

    private static void insertFiles(CopyManager copy, long uploadId, List<StoredFile> files)
            throws SQLException, IOException {
        CopyBuffer rows = new CopyBuffer(copy, "result_file", "upload_id, path, size, sha256");
        for (StoredFile f : files) {
            rows.integer(uploadId).text(f.name()).integer(f.size()).text(f.sha256());
            rows.endRow();
        }
        rows.flush();
    }

    private static void insertErrors(CopyManager copy, long uploadId, ParseErrors errors)
            throws SQLException, IOException {
        CopyBuffer rows = new CopyBuffer(copy, "parse_error", "upload_id, file, line, reason");
        for (ParseErrors.Entry e : errors.entries()) {
            rows.integer(uploadId).text(e.file()).integer(e.line()).text(e.reason());
            rows.endRow();
        }
        rows.flush();
    }

    private void announce(String campaignId, int runNumber, int fileCount, ResultParsing parsing) {
        ResultsStored event = ResultsStored.of(campaignId, runNumber, fileCount, parsing.scalars(),
                parsing.errors().summary(EVENT_ERROR_LINES));
        Message<ResultsStored> message = Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(campaignId).build());
        java.util.concurrent.CompletableFuture<Void> acked = new java.util.concurrent.CompletableFuture<>();
        resultsStored.send(message.withAck(() -> {
            acked.complete(null);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }).withNack(e -> {
            acked.completeExceptionally(e);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }));
        try {
            acked.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Log.errorf(e, "results-stored for run %d of campaign %s was not published", runNumber, campaignId);
            throw ApiException.unavailable("The results of run " + runNumber + " were stored, but announcing them "
                    + "failed; upload them again to retry.");
        }
    }
}
