package io.simswarm.results.upload;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.simswarm.commons.messaging.Outbox;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.events.Topics;
import io.simswarm.results.campaign.CampaignIds;
import io.simswarm.results.config.ResultsConfig;
import io.simswarm.results.storage.ResultStore;
import io.simswarm.results.storage.UploadLocation;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;

/**
 * Receives the tar.gz of one run, or of a group of runs of one campaign (one folder per run): unpacks and
 * validates the archive into a staging folder, reads the result files, and stores every run as a new upload of
 * that run in a single transaction (rows, files, the run's pointer to its new upload; the replaced uploads' rows go
 * in the same transaction, their files later), which also writes the announcement of each run on
 * {@code results-stored} to the outbox. A single upload is a group of one whose archive root is the run's folder:
 * both take the same path.
 */
@ApplicationScoped
public class UploadService {

    private final DataSource dataSource;
    private final ResultStore store;
    private final ResultsConfig config;
    private final Outbox outbox;
    private final StagingBudget budget;

    public UploadService(DataSource dataSource, ResultStore store, ResultsConfig config, Outbox outbox,
            StagingBudget budget) {
        this.dataSource = dataSource;
        this.store = store;
        this.config = config;
        this.outbox = outbox;
        this.budget = budget;
    }

    /** Stores the results of one run; the archive root is the run's result directory. */
    public UploadReceipt upload(String campaignId, int runNumber, InputStream body, Long contentLength)
            throws IOException {
        if (runNumber < 0) {
            throw ApiException.badRequest("The run number must not be negative.");
        }
        return upload(RunGroup.single(campaignId, runNumber), body, contentLength).get(0);
    }

    /** Stores the results of several runs; the archive holds one top-level folder per run, named by its number. */
    public GroupReceipt uploadGroup(String campaignId, List<Integer> runs, InputStream body, Long contentLength)
            throws IOException {
        return new GroupReceipt(campaignId, upload(RunGroup.of(campaignId, runs), body, contentLength));
    }

    private List<UploadReceipt> upload(RunGroup group, InputStream body, Long contentLength) throws IOException {
        CampaignIds.check(group.campaignId());
        if (contentLength != null && contentLength > config.maxUploadBytes()) {
            throw ApiException.tooLarge("The upload has " + contentLength + " bytes, more than the limit of "
                    + config.maxUploadBytes() + " bytes.");
        }
        Path staged = store.newStagingFolder();
        try (StagingBudget.Share share = budget.open()) {
            try {
                return store(group, body, staged, share);
            } finally {
                store.discard(staged);
            }
        }
    }

    private List<UploadReceipt> store(RunGroup group, InputStream body, Path staged, StagingBudget.Share share)
            throws IOException {
        List<StagedRun> runs = new ArrayList<>();
        for (Map.Entry<Integer, List<StoredFile>> run : unpack(body, staged, group, share).entrySet()) {
            runs.add(StagedRun.read(run.getKey(), staged.resolve(Integer.toString(run.getKey())), run.getValue()));
        }
        List<UploadLocation> published = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().timeout((int) config.uploadTransactionTimeout().toSeconds())
                    .run(() -> persist(group.campaignId(), runs, published));
        } catch (RuntimeException e) {
            unpublish(published, e);
            throw e;
        }
        for (StagedRun run : runs) {
            Log.infof("stored run %d of campaign %s: %d files, %d scalars, %d parse errors", run.runNumber(),
                    group.campaignId(), run.files().size(), run.parsing().scalars(), run.parsing().errors().total());
        }
        return runs.stream().map(StagedRun::receipt).toList();
    }

    private Map<Integer, List<StoredFile>> unpack(InputStream body, Path staged, RunGroup group,
            StagingBudget.Share share) throws IOException {
        try {
            return new ArchiveUnpacker(config.maxUploadBytes(), config.maxFiles(), share::charge)
                    .unpack(body, staged, group);
        } catch (UploadTooLargeException e) {
            throw ApiException.tooLarge(e.getMessage());
        }
    }

    /**
     * The transaction: locks the runs (ascending), allocates their upload ids, streams the rows of all runs through
     * shared COPY buffers, points each run at its new upload, and publishes the files before the commit.
     */
    private void persist(String campaignId, List<StagedRun> runs, List<UploadLocation> published) {
        List<Integer> runNumbers = runs.stream().map(StagedRun::runNumber).toList();
        try (Connection c = dataSource.getConnection()) {
            RunRows rows = new RunRows(c, campaignId);
            rows.ensureCampaign();
            rows.lock(runNumbers);
            long[] uploadIds = rows.newUploadIds(runs.size());
            for (int i = 0; i < runs.size(); i++) {
                runs.get(i).allocate(new UploadLocation(campaignId, runs.get(i).runNumber(), uploadIds[i]));
            }
            Map<Integer, Long> previous = rows.currentUploads(runNumbers);
            RowCopies copies = new RowCopies(c.unwrap(PGConnection.class).getCopyAPI());
            for (StagedRun run : runs) {
                run.parsing().scalars(copies, run.location().uploadId());
            }
            for (StagedRun run : runs) {
                copies.vectors(run.location(), run.vectors());
                copies.files(run.location().uploadId(), run.files());
                copies.errors(run.location().uploadId(), run.parsing().errors());
            }
            copies.flush();
            rows.upsertRuns(runs);
            rows.supersede(previous);
            for (StagedRun run : runs) {
                published.add(run.location());
                store.put(run.location(), run.folder(), run.files().stream().map(StoredFile::name).toList());
            }
            outbox.publishAll(Topics.RESULTS_STORED, runs.stream()
                    .map(run -> new Outbox.Keyed(campaignId, run.event())).toList());
        } catch (SQLException e) {
            throw new IllegalStateException("storing the rows of " + runs.size() + " run(s) of campaign " + campaignId
                    + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the files of a transaction that did not commit. */
    private void unpublish(List<UploadLocation> published, RuntimeException failure) {
        for (UploadLocation location : published) {
            try {
                store.delete(location);
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
