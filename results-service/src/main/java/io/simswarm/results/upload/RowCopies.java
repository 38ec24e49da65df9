package io.simswarm.results.upload;

import io.simswarm.results.omnetpp.VectorSummary;
import io.simswarm.results.storage.UploadLocation;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.copy.CopyManager;

/**
 * The COPY buffers of one upload transaction, one per row table, shared by every run of the group: the rows of
 * all runs go out together, one COPY per table (per 4 MB of rows), and none for a table without rows.
 */
final class RowCopies {

    final CopyBuffer scalars;
    final CopyBuffer statistics;
    final CopyBuffer parameters;
    private final CopyBuffer vectors;
    private final CopyBuffer files;
    private final CopyBuffer errors;

    RowCopies(CopyManager copy) {
        scalars = new CopyBuffer(copy, "scalar", "upload_id, module, name, value, attributes");
        statistics = new CopyBuffer(copy, "statistic", "upload_id, module, name, count, mean, stddev, min, max, sum, "
                + "sqrsum, fields, attributes, bin_lower, bin_count");
        parameters = new CopyBuffer(copy, "parameter", "upload_id, module, name, value, attributes");
        vectors = new CopyBuffer(copy, "vector", "upload_id, vector_key, file, vector_id, module, name, columns, "
                + "attributes, count, min, max, mean, stddev, sum, first_time, last_time, first_event, last_event, "
                + "block_offsets, block_lengths");
        files = new CopyBuffer(copy, "result_file", "upload_id, path, size, sha256, modified_at");
        errors = new CopyBuffer(copy, "parse_error", "upload_id, file, line, reason");
    }

    /** The vector summaries of one upload; keys are {@code RUN-ID}, with {@code -N} for the N-th .vec file. */
    void vectors(UploadLocation location, List<VectorFile> vectorFiles) throws SQLException, IOException {
        for (int i = 0; i < vectorFiles.size(); i++) {
            VectorFile file = vectorFiles.get(i);
            for (VectorSummary v : file.vectors()) {
                String key = location.runNumber() + "-" + v.id() + (i == 0 ? "" : "-" + (i + 1));
                vectors.integer(location.uploadId()).text(key).text(file.path()).integer(v.id()).text(v.module())
                        .text(v.name()).text(v.columns()).json(v.attributes()).integer(v.count());
                if (v.count() == 0) {
                    vectors.text(null).text(null).text(null).text(null).text(null).text(null).text(null);
                } else {
                    vectors.number(v.min()).number(v.max()).number(v.mean()).number(v.stddev()).number(v.sum())
                            .number(v.firstTime()).number(v.lastTime());
                }
                if (v.firstEvent() < 0) {
                    vectors.text(null).text(null);
                } else {
                    vectors.integer(v.firstEvent()).integer(v.lastEvent());
                }
                vectors.integers(v.blockOffsets()).integers(v.blockLengths());
                vectors.endRow();
            }
        }
    }

    void files(long uploadId, List<StoredFile> stored) throws SQLException, IOException {
        for (StoredFile f : stored) {
            files.integer(uploadId).text(f.name()).integer(f.size()).text(f.sha256())
                    .text(f.modifiedAt() == null ? null : f.modifiedAt().toString());
            files.endRow();
        }
    }

    void errors(long uploadId, ParseErrors parseErrors) throws SQLException, IOException {
        for (ParseErrors.Entry e : parseErrors.entries()) {
            errors.integer(uploadId).text(e.file()).integer(e.line()).text(e.reason());
            errors.endRow();
        }
    }

    /** Sends what is left in every buffer. */
    void flush() throws SQLException, IOException {
        for (CopyBuffer rows : List.of(scalars, statistics, parameters, vectors, files, errors)) {
            rows.flush();
        }
    }
}
