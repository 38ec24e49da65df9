package io.simswarm.results.upload;

import io.simswarm.results.omnetpp.Numbers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import org.postgresql.copy.CopyManager;

/**
 * Rows for one table in PostgreSQL's COPY text format, encoded as UTF-8 as they are written and sent with
 * {@link CopyManager} whenever the buffer reaches a few megabytes and at the end: bulk inserts with bounded memory,
 * whatever the number of rows. A buffer without rows sends no COPY at all.
 */
final class CopyBuffer {

    private static final int FLUSH_BYTES = 4 << 20;
    /** Small runs fill a few kilobytes: the buffer grows to {@link #FLUSH_BYTES} only when rows need it. */
    private static final int INITIAL_BYTES = 8192;
    private static final byte[] NULL = {'\\', 'N'};

    private final CopyManager copy;
    private final String sql;
    private byte[] rows = new byte[INITIAL_BYTES];
    private int length;
    private boolean firstField = true;
    private long count;

    CopyBuffer(CopyManager copy, String table, String columns) {
        this.copy = copy;
        this.sql = "copy " + table + " (" + columns + ") from stdin";
    }

    long count() {
        return count;
    }

    /** The rows written and not sent yet, as text. */
    String pending() {
        return new String(rows, 0, length, StandardCharsets.UTF_8);
    }

    CopyBuffer text(String value) {
        separator();
        if (value == null) {
            append(NULL);
            return this;
        }
        int n = value.length();
        room(n); // one byte per character: plain ASCII, the common case; longer encodings make room again
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                i = appendUtf8(value, i);
                room(n - i);
                continue;
            }
            switch (c) {
                case '\\' -> append('\\', '\\');
                case '\t' -> append('\\', 't');
                case '\n' -> append('\\', 'n');
                case '\r' -> append('\\', 'r');
                default -> {
                    rows[length++] = (byte) c;
                    continue;
                }
            }
            room(n - i);
        }
        return this;
    }

    CopyBuffer number(double value) {
        separator();
        appendDouble(value);
        return this;
    }

    /**
     * A number that was read from {@code text}: the text goes out as it is when PostgreSQL reads the same double from
     * it (a finite number, neither rounded to zero nor below the normal range, which it may refuse), which saves
     * formatting it again; else the value, formatted.
     */
    CopyBuffer number(double value, String text) {
        if (!Double.isFinite(value) || text == null || !Numbers.looksNumeric(text)
                || (Math.abs(value) < Double.MIN_NORMAL && !(value == 0 && zeroMantissa(text)))) {
            return number(value);
        }
        separator();
        ascii(text);
        return this;
    }

    /** True when every digit before the exponent is 0: the text means zero rather than a number rounded to it. */
    private static boolean zeroMantissa(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 'e' || c == 'E') {
                return true;
            }
            if (c >= '1' && c <= '9') {
                return false;
            }
        }
        return true;
    }

    CopyBuffer number(Double value) {
        return value == null ? text(null) : number(value.doubleValue());
    }

    CopyBuffer integer(long value) {
        separator();
        ascii(Long.toString(value));
        return this;
    }

    CopyBuffer numbers(double[] values) {
        separator();
        ascii("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                ascii(",");
            }
            appendDouble(values[i]);
        }
        ascii("}");
        return this;
    }

    CopyBuffer integers(long[] values) {
        separator();
        ascii("{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                ascii(",");
            }
            ascii(Long.toString(values[i]));
        }
        ascii("}");
        return this;
    }

    /** A JSON object of string values; SQL null for an empty map. */
    CopyBuffer json(Map<String, ?> values) {
        return text(values == null || values.isEmpty() ? null : Json.object(values));
    }

    void endRow() throws SQLException, IOException {
        room(1);
        rows[length++] = '\n';
        firstField = true;
        count++;
        if (length >= FLUSH_BYTES) {
            flush();
        }
    }

    void flush() throws SQLException, IOException {
        if (length > 0) {
            copy.copyIn(sql, new ByteArrayInputStream(rows, 0, length));
            length = 0;
        }
    }

    private void separator() {
        if (!firstField) {
            room(1);
            rows[length++] = '\t';
        }
        firstField = false;
    }

    private void appendDouble(double value) {
        if (Double.isNaN(value)) {
            ascii("NaN");
        } else if (Double.isInfinite(value)) {
            ascii(value > 0 ? "Infinity" : "-Infinity");
        } else {
            ascii(Double.toString(value));
        }
    }

    /** Text known to be ASCII without characters COPY escapes. */
    private void ascii(String text) {
        room(text.length());
        for (int i = 0; i < text.length(); i++) {
            rows[length++] = (byte) text.charAt(i);
        }
    }

    private void append(byte[] bytes) {
        room(bytes.length);
        System.arraycopy(bytes, 0, rows, length, bytes.length);
        length += bytes.length;
    }

    /** The two bytes of an escape. */
    private void append(char first, char second) {
        room(2);
        rows[length++] = (byte) first;
        rows[length++] = (byte) second;
    }

    /** Encodes the character at {@code i} (with its low surrogate, if any) as UTF-8; returns the last index used. */
    private int appendUtf8(String value, int i) {
        int codePoint = value.codePointAt(i);
        if (Character.isSurrogate(value.charAt(i)) && !Character.isSupplementaryCodePoint(codePoint)) {
            codePoint = 0xFFFD; // a lone surrogate: the replacement character, as String.getBytes writes it
        }
        room(4);
        if (codePoint < 0x800) {
            rows[length++] = (byte) (0xC0 | codePoint >> 6);
        } else if (codePoint < 0x10000) {
            rows[length++] = (byte) (0xE0 | codePoint >> 12);
            rows[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        } else {
            rows[length++] = (byte) (0xF0 | codePoint >> 18);
            rows[length++] = (byte) (0x80 | codePoint >> 12 & 0x3F);
            rows[length++] = (byte) (0x80 | codePoint >> 6 & 0x3F);
        }
        rows[length++] = (byte) (0x80 | codePoint & 0x3F);
        return Character.isSupplementaryCodePoint(codePoint) ? i + 1 : i;
    }

    /** Makes room for {@code more} bytes at the end. */
    private void room(int more) {
        if (length + more > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(rows.length * 2, length + more));
        }
    }
}
