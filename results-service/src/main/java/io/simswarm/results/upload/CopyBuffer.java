package io.simswarm.results.upload;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.util.Map;
import org.postgresql.copy.CopyManager;

/**
 * Rows for one table in PostgreSQL's COPY text format, sent with {@link CopyManager} whenever the buffer reaches
 * a few megabytes and at the end: bulk inserts with bounded memory, whatever the number of rows. A buffer without
 * rows sends no COPY at all.
 */
final class CopyBuffer {

    private static final int FLUSH_CHARS = 4 << 20;
    /** Small runs fill a few kilobytes: the buffer grows to {@link #FLUSH_CHARS} only when rows need it. */
    private static final int INITIAL_CHARS = 8192;

    private final CopyManager copy;
    private final String sql;
    private final StringBuilder rows = new StringBuilder(INITIAL_CHARS);
    private boolean firstField = true;
    private long count;

    CopyBuffer(CopyManager copy, String table, String columns) {
        this.copy = copy;
        this.sql = "copy " + table + " (" + columns + ") from stdin";
    }

    long count() {
        return count;
    }

    CopyBuffer text(String value) {
        separator();
        if (value == null) {
            rows.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        return this;
    }

    CopyBuffer number(double value) {
        separator();
        appendDouble(rows, value);
        return this;
    }

    CopyBuffer number(Double value) {
        return value == null ? text(null) : number(value.doubleValue());
    }

    CopyBuffer integer(long value) {
        separator();
        rows.append(value);
        return this;
    }

    CopyBuffer numbers(double[] values) {
        separator();
        rows.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append(',');
            }
            appendDouble(rows, values[i]);
        }
        rows.append('}');
        return this;
    }

    CopyBuffer integers(long[] values) {
        separator();
        rows.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                rows.append(',');
            }
            rows.append(values[i]);
        }
        rows.append('}');
        return this;
    }

    /** A JSON object of string values; SQL null for an empty map. */
    CopyBuffer json(Map<String, ?> values) {
        return text(values == null || values.isEmpty() ? null : Json.object(values));
    }

    void endRow() throws SQLException, IOException {
        rows.append('\n');
        firstField = true;
        count++;
        if (rows.length() >= FLUSH_CHARS) {
            flush();
        }
    }

    void flush() throws SQLException, IOException {
        if (rows.length() > 0) {
            copy.copyIn(sql, new StringReader(rows.toString()));
            rows.setLength(0);
        }
    }

    private void separator() {
        if (!firstField) {
            rows.append('\t');
        }
        firstField = false;
    }

    private static void appendDouble(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            out.append("NaN");
        } else if (Double.isInfinite(value)) {
            out.append(value > 0 ? "Infinity" : "-Infinity");
        } else {
            out.append(value);
        }
    }
}
