package io.simswarm.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.text.Numbers;
import io.simswarm.cli.text.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * The precision of a campaign's parameter points ({@code GET /campaigns/{id}/points}) as {@code simswarm status}
 * shows it: per point its iteration variables, the repetitions started of the most it may get, for each measured
 * target the confidence interval's half-width now against its limit (a relative target in percent of the mean), and
 * its state. At most {@value #MAX_POINTS} points, in run order, then how many more there are.
 */
final class PrecisionTable {

    static final int MAX_POINTS = 50;
    private static final int DIGITS = 3;

    /** One column: the measures of one target in one module. */
    private record Column(String target, String module, String name) {

        static Column of(JsonNode measure) {
            return new Column(measure.path("target").asText(""), measure.path("module").asText(""),
                    measure.path("name").asText(""));
        }
    }

    private PrecisionTable() {
    }

    static String of(JsonNode points) {
        List<JsonNode> shown = StreamSupport.stream(points.spliterator(), false).limit(MAX_POINTS).toList();
        Map<Column, String> headers = headers(shown);
        List<String> header = new ArrayList<>(List.of("POINT", "RUNS"));
        header.addAll(headers.values());
        header.add("STATE");
        Table table = new Table(header);
        for (JsonNode point : shown) {
            Map<Column, JsonNode> measures = new LinkedHashMap<>();
            point.path("measures").forEach(measure -> measures.put(Column.of(measure), measure));
            List<String> row = new ArrayList<>(List.of(itervars(point.path("itervars")),
                    point.path("runs").asInt() + "/" + point.path("maxRuns").asInt()));
            headers.keySet().forEach(column -> row.add(cell(measures.get(column))));
            row.add(state(point.path("state").asText("")));
            table.add(row);
        }
        String more = points.size() > shown.size()
                ? String.format("... and %d more points%n", points.size() - shown.size()) : "";
        return "precision of the 95% confidence intervals, half-width now against the limit:\n" + table.render()
                + more;
    }

    /**
     * A header per column: the scalar's name, with the module where two columns share a name, or the whole target
     * where they share both.
     */
    private static Map<Column, String> headers(List<JsonNode> points) {
        List<Column> columns = points.stream()
                .flatMap(point -> StreamSupport.stream(point.path("measures").spliterator(), false))
                .map(Column::of).distinct().toList();
        Map<Column, String> headers = new LinkedHashMap<>();
        for (Column column : columns) {
            long sameName = columns.stream().filter(other -> other.name().equals(column.name())).count();
            long sameModule = columns.stream().filter(other -> other.name().equals(column.name())
                    && other.module().equals(column.module())).count();
            headers.put(column, sameName == 1 ? column.name()
                    : sameModule == 1 ? column.module() + "." + column.name() : column.target());
        }
        return headers;
    }

    private static String itervars(JsonNode itervars) {
        List<String> pairs = new ArrayList<>();
        itervars.forEach(itervar -> pairs.add(itervar.path("name").asText() + "=" + itervar.path("value").asText()));
        return pairs.isEmpty() ? "(none)" : String.join(" ", pairs);
    }

    /** The half-width now against the limit, or how many values there are while they are too few for an interval. */
    private static String cell(JsonNode measure) {
        if (measure == null) {
            return "-";
        }
        if (!measure.path("halfWidth").isNumber()) {
            int count = measure.path("count").asInt();
            return count + (count == 1 ? " value" : " values");
        }
        double halfWidth = measure.path("halfWidth").asDouble();
        double mean = measure.path("mean").asDouble();
        String against = measure.path("met").asBoolean() ? " <= " : " > ";
        Optional<PrecisionTarget> target = PrecisionTarget.of(measure.path("target").asText(""));
        if (target.isPresent() && target.get().relative() && mean != 0) {
            return Numbers.rounded(halfWidth / Math.abs(mean) * 100, DIGITS) + "%" + against
                    + Numbers.format(target.get().limit()) + "%";
        }
        JsonNode limit = measure.path("limit");
        return Numbers.rounded(halfWidth, DIGITS) + against
                + (limit.isNumber() ? Numbers.rounded(limit.asDouble(), DIGITS) : "-");
    }

    private static String state(String state) {
        return switch (state) {
            case "NO_DATA" -> "no data";
            case "" -> "-";
            default -> state.toLowerCase(Locale.ROOT);
        };
    }
}
