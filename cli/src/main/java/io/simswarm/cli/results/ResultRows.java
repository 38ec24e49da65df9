package io.simswarm.cli.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import io.simswarm.cli.text.Cells;
import io.simswarm.cli.text.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A list answer of the results service (a JSON array of objects) as rows with the service's columns in the
 * service's order. The {@code itervars} object becomes one column per iteration variable, in its place and in the
 * order the service gives them (a name that clashes with another column is prefixed {@code itervar_}); attributes,
 * other objects and lists of lists (config entries) are left out. A missing {@code stddev} or {@code ci95HalfWidth} is
 * NaN: undefined over a single value.
 */
public final class ResultRows {

    private static final String ITERVARS = "itervars";
    private static final String ATTRIBUTES = "attributes";
    private static final Set<String> UNDEFINED_WHEN_MISSING = Set.of("stddev", "ci95HalfWidth");
    private static final JsonNode NAN = DoubleNode.valueOf(Double.NaN);

    private final List<String> fields;
    private final List<String> itervarNames;
    private final List<JsonNode> rows;

    private ResultRows(List<String> fields, List<String> itervarNames, List<JsonNode> rows) {
        this.fields = fields;
        this.itervarNames = itervarNames;
        this.rows = rows;
    }

    public static ResultRows of(JsonNode answer) {
        Set<String> fields = new LinkedHashSet<>();
        Set<String> itervarNames = new LinkedHashSet<>();
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode row : answer) {
            row.properties().forEach(field -> {
                if (field.getKey().equals(ITERVARS)) {
                    fields.add(ITERVARS);
                    field.getValue().fieldNames().forEachRemaining(itervarNames::add);
                } else if (!field.getKey().equals(ATTRIBUTES) && !nested(field.getValue())) {
                    fields.add(field.getKey());
                }
            });
            rows.add(row);
        }
        return new ResultRows(List.copyOf(fields), List.copyOf(itervarNames), rows);
    }

    /** Objects and lists of lists (a run's config entries) have no cell of their own. */
    private static boolean nested(JsonNode value) {
        if (value.isObject()) {
            return true;
        }
        for (JsonNode item : value) {
            if (item.isContainerNode()) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The column names: the fields, with the iteration variables in place of {@code itervars}. */
    public List<String> header() {
        List<String> header = new ArrayList<>();
        for (String field : fields) {
            if (!field.equals(ITERVARS)) {
                header.add(field);
                continue;
            }
            for (String name : itervarNames) {
                header.add(fields.contains(name) ? "itervar_" + name : name);
            }
        }
        return header;
    }

    public Table table() {
        Table table = new Table(header());
        rows.forEach(row -> table.add(cells(row, Cells::table)));
        return table;
    }

    /** CSV with one header row and CRLF line ends, as pandas {@code read_csv} reads it. */
    public String csv() {
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", header().stream().map(Cells::quote).toList())).append("\r\n");
        rows.forEach(row -> csv.append(String.join(",", cells(row, Cells::csv))).append("\r\n"));
        return csv.toString();
    }

    private List<String> cells(JsonNode row, Function<JsonNode, String> format) {
        List<String> cells = new ArrayList<>();
        for (String field : fields) {
            if (field.equals(ITERVARS)) {
                itervarNames.forEach(name -> cells.add(format.apply(row.path(ITERVARS).get(name))));
            } else {
                cells.add(format.apply(value(row, field)));
            }
        }
        return cells;
    }

    private static JsonNode value(JsonNode row, String field) {
        JsonNode value = row.get(field);
        boolean missing = value == null || value.isNull();
        return missing && UNDEFINED_WHEN_MISSING.contains(field) ? NAN : value;
    }
}
