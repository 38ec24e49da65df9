package io.simswarm.results.upload;

import io.simswarm.results.omnetpp.RunHeader;
import io.simswarm.results.omnetpp.Scalar;
import io.simswarm.results.omnetpp.ScaHandler;
import io.simswarm.results.omnetpp.ScaParser;
import io.simswarm.results.omnetpp.Statistic;
import io.simswarm.results.omnetpp.VecParser;
import io.simswarm.results.omnetpp.VciChecker;
import io.simswarm.results.omnetpp.VectorSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the result files of one staged upload: .vec/.vci into summaries, .sca straight into COPY rows. */
final class ResultParsing {

    private final Path staged;
    private final List<StoredFile> files;
    private final ParseErrors errors = new ParseErrors();
    private RunHeader header;
    private long scalars;
    private int statistics;

    ResultParsing(Path staged, List<StoredFile> files) {
        this.staged = staged;
        this.files = files;
    }

    ParseErrors errors() {
        return errors;
    }

    /** The header of the first .sca file, or of the first .vec file when there is no .sca; null when neither. */
    RunHeader header() {
        return header;
    }

    long scalars() {
        return scalars;
    }

    int statistics() {
        return statistics;
    }

    /** Reads every .vec file (and cross-checks its .vci when present). Runs outside the database transaction. */
    List<VectorFile> vectors() throws IOException {
        List<VectorFile> result = new ArrayList<>();
        for (StoredFile file : files) {
            if (file.name().endsWith(".vec")) {
                VecParser parser = new VecParser((line, reason) -> errors.add(file.name(), line, reason));
                List<VectorSummary> vectors = parser.parse(Files.newInputStream(staged.resolve(file.name())));
                result.add(new VectorFile(file.name(), parser.header(), vectors));
                checkIndex(file, vectors);
            }
        }
        return result;
    }

    private void checkIndex(StoredFile vec, List<VectorSummary> vectors) throws IOException {
        String vci = vec.name().substring(0, vec.name().length() - 4) + ".vci";
        Path index = staged.resolve(vci);
        if (files.stream().anyMatch(f -> f.name().equals(vci))) {
            new VciChecker(vectors, vec.size(), (line, reason) -> errors.add(vci, line, reason))
                    .check(Files.newInputStream(index));
        }
    }

    /** Streams the rows of every .sca file into the shared COPY buffers for scalar, statistic and parameter. */
    void scalars(RowCopies rows, long uploadId) throws IOException, SQLException {
        long scalarsBefore = rows.scalars.count();
        long statisticsBefore = rows.statistics.count();
        for (StoredFile file : files) {
            if (file.name().endsWith(".sca")) {
                RowWriter writer = new RowWriter(uploadId, file.name(), rows);
                try {
                    RunHeader parsed = new ScaParser(writer).parse(Files.newInputStream(staged.resolve(file.name())));
                    writer.writeScalars();
                    if (header == null) {
                        header = parsed;
                    }
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                } catch (WrappedSqlException e) {
                    throw e.sql;
                }
            }
        }
        scalars = rows.scalars.count() - scalarsBefore;
        statistics = (int) (rows.statistics.count() - statisticsBefore);
    }

    /** The header to describe the run with, falling back to the first .vec file's. */
    RunHeader headerOr(List<VectorFile> vectorFiles) {
        if (header == null && !vectorFiles.isEmpty()) {
            header = vectorFiles.get(0).header();
        }
        return header;
    }

    private static final class WrappedSqlException extends RuntimeException {
        private final SQLException sql;

        WrappedSqlException(SQLException sql) {
            super(sql);
            this.sql = sql;
        }
    }

    /**
     * Turns parsed entries into COPY rows. Scalars are held back (up to {@link #HELD_SCALARS}) and written grouped by
     * name, in the order names first appear: OMNeT++ writes a module's scalars together, while queries ask for one
     * name over many modules and runs, which then finds its rows of an upload on a few pages instead of one page per
     * row (and the index on upload and name grows at its end).
     */
    private final class RowWriter implements ScaHandler {
        private static final int HELD_SCALARS = 1 << 16;

        private final long uploadId;
        private final String file;
        private final CopyBuffer scalarRows;
        private final CopyBuffer statisticRows;
        private final CopyBuffer parameterRows;
        private final Map<String, List<Scalar>> heldByName = new LinkedHashMap<>();
        private int held;
        private Map<String, String> lastAttributes;
        private String lastAttributesJson;

        RowWriter(long uploadId, String file, RowCopies rows) {
            this.uploadId = uploadId;
            this.file = file;
            this.scalarRows = rows.scalars;
            this.statisticRows = rows.statistics;
            this.parameterRows = rows.parameters;
        }

        @Override
        public void scalar(Scalar scalar) {
            heldByName.computeIfAbsent(scalar.name(), n -> new ArrayList<>()).add(scalar);
            if (++held == HELD_SCALARS) {
                writeScalars();
            }
        }

        /** Writes the scalars held back, one name after the other. */
        void writeScalars() {
            for (List<Scalar> sameName : heldByName.values()) {
                for (Scalar s : sameName) {
                    scalarRows.integer(uploadId).text(s.module()).text(s.name()).number(s.value(), s.text())
                            .text(attributesJson(s.attributes()));
                    end(scalarRows);
                }
            }
            heldByName.clear();
            held = 0;
        }

        /** The attributes as JSON, null when there are none; scalars mostly repeat the last one's (a unit). */
        private String attributesJson(Map<String, String> attributes) {
            if (attributes.isEmpty()) {
                return null;
            }
            if (!attributes.equals(lastAttributes)) {
                lastAttributes = attributes;
                lastAttributesJson = Json.object(attributes);
            }
            return lastAttributesJson;
        }

        @Override
        public void statistic(Statistic s) {
            statisticRows.integer(uploadId).text(s.module()).text(s.name()).number(s.field("count"))
                    .number(s.field("mean")).number(s.field("stddev")).number(s.field("min")).number(s.field("max"))
                    .number(s.field("sum")).number(s.field("sqrsum")).text(Json.object(s.fields()))
                    .json(s.attributes());
            if (s.binLowerBounds().length == 0) {
                statisticRows.text(null).text(null);
            } else {
                statisticRows.numbers(s.binLowerBounds()).numbers(s.binCounts());
            }
            end(statisticRows);
        }

        @Override
        public void parameter(String module, String name, String value, Map<String, String> attributes) {
            parameterRows.integer(uploadId).text(module).text(name).text(value).json(attributes);
            end(parameterRows);
        }

        @Override
        public void error(long line, String reason) {
            errors.add(file, line, reason);
        }

        private void end(CopyBuffer rows) {
            try {
                rows.endRow();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new WrappedSqlException(e);
            }
        }
    }
}
