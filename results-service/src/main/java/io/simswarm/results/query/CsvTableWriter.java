package io.simswarm.results.query;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV as pandas {@code read_csv} reads it unchanged: one header row, RFC 4180 quoting (only where needed), CRLF
 * line ends, numbers plain, non-finite numbers as {@code NaN}, {@code inf} and {@code -inf}, missing values empty.
 * Group columns (iteration variables, attributes, scalars of a wide table) get one column per name, named like it;
 * a name that clashes with another column is prefixed ({@code itervar_}, {@code attr_}). Lists of numbers are one
 * field, space-separated. Attribute objects and config entries are JSON only.
 */
public final class CsvTableWriter implements TableWriter {

    /** Columns of nested JSON objects, left out of CSV. */
    static final java.util.Set<String> JSON_ONLY = java.util.Set.of("attributes", "configEntries");

    private final Writer out;
    private final Map<String, Map<String, Integer>> groupIndex = new HashMap<>();
    private boolean firstField = true;

    public CsvTableWriter(OutputStream out) {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void start(List<String> columns, Map<String, List<String>> groups) throws IOException {
        List<String> header = new ArrayList<>();
        for (String column : columns) {
            List<String> names = groups.get(column);
            if (names == null) {
                if (!JSON_ONLY.contains(column)) {
                    header.add(column);
                }
                continue;
            }
            Map<String, Integer> index = new HashMap<>();
            for (String name : names) {
                index.put(name, index.size());
                header.add(columns.contains(name) || header.contains(name) ? prefix(column) + name : name);
            }
            groupIndex.put(column, index);
        }
        for (String column : header) {
            field(column);
        }
        endRow();
    }

    /** The prefix of a group's column whose name clashes with another column: {@code itervar_}, {@code attr_}. */
    private static String prefix(String group) {
        return switch (group) {
            case ITERVARS -> "itervar_";
            case "attributes" -> "attr_";
            default -> group + "_";
        };
    }

    @Override
    public void integer(String column, Long value) throws IOException {
        raw(value == null ? "" : value.toString());
    }

    @Override
    public void number(String column, Double value) throws IOException {
        raw(value == null ? "" : format(value));
    }

    @Override
    public void text(String column, String value) throws IOException {
        field(value == null ? "" : value);
    }

    @Override
    public void numbers(String column, double[] values) throws IOException {
        if (values == null) {
            raw("");
            return;
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            joined.append(i == 0 ? "" : " ").append(format(values[i]));
        }
        raw(joined.toString());
    }

    @Override
    public void group(String column, String[] names, String[] values) throws IOException {
        String[] cells = cells(column, names, values);
        for (String cell : cells) {
            text(null, cell);
        }
    }

    @Override
    public void numberGroup(String column, String[] names, Double[] values) throws IOException {
        Double[] cells = cells(column, names, values);
        for (Double cell : cells) {
            number(null, cell);
        }
    }

    private <T> T[] cells(String column, String[] names, T[] values) {
        Map<String, Integer> index = groupIndex.getOrDefault(column, Map.of());
        T[] cells = java.util.Arrays.copyOf(values, index.size());
        java.util.Arrays.fill(cells, null);
        for (int i = 0; i < names.length; i++) {
            Integer at = index.get(names[i]);
            if (at != null) {
                cells[at] = values[i];
            }
        }
        return cells;
    }

    @Override
    public void json(String column, String json) {
        // JSON-only column
    }

    @Override
    public void endRow() throws IOException {
        out.write("\r\n");
        firstField = true;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    /** Numbers as pandas reads them: integers without a fraction, others in Java's shortest round-trip form. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private void field(String value) throws IOException {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote && !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ')) {
            quote = true;
        }
        raw(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
    }

    private void raw(String value) throws IOException {
        if (!firstField) {
            out.write(',');
        }
        firstField = false;
        out.write(value);
    }
}
