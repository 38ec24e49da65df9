package io.simswarm.cli.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a JSON array of objects as a {@link Table}: one column per field, nested objects flattened into
 * one column per key (an {@code itervars} object {"rho":"0.5"} becomes a column {@code rho}).
 */
public final class JsonTable {

    private JsonTable() {
    }

    /**
     * The table of {@code json}, an array of objects or a single object (one row), leaving out the fields
     * named in {@code skip}.
     */
    public static Table of(JsonNode json, List<String> skip) {
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode node : json.isObject() ? List.of(json) : json) {
            Map<String, String> row = new LinkedHashMap<>();
            flatten(node, row, skip);
            columns.addAll(row.keySet());
            rows.add(row);
        }
        Table table = new Table(new ArrayList<>(columns));
        for (Map<String, String> row : rows) {
            table.add(columns.stream().map(column -> row.getOrDefault(column, "-")).toList());
        }
        return table;
    }

    private static void flatten(JsonNode node, Map<String, String> row, List<String> skip) {
        node.properties().forEach(field -> {
            if (skip.contains(field.getKey())) {
                return;
            }
            if (field.getValue().isObject()) {
                flatten(field.getValue(), row, skip);
            } else {
                row.put(field.getKey(), Cells.table(field.getValue()));
            }
        });
    }
}
