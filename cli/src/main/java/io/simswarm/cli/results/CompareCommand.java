package io.simswarm.cli.results;

import static io.simswarm.cli.http.UrlParts.encode;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.http.ApiClient;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
import io.simswarm.cli.text.Cells;
import io.simswarm.cli.text.JsonTable;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simswarm compare A B}: the scalars of two campaigns compared, per scalar and parameter point. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {
            "Compare the scalars of two campaigns: for every scalar and parameter point (iteration variables "
                + "without the repetition) present in both, the two means, their difference and relative difference, "
                + "Welch's t-test p-value with Holm's correction across everything compared, and a verdict: "
                + "different (adjusted p below --alpha), same (identical values, or a confidence interval of the "
                + "difference within --margin of the mean) or inconclusive. Largest effects first.",
            "",
            "--exact compares every value of every run bit for bit (a regression test) and names the first "
                + "difference. Exit code 1 when something is different, 0 otherwise."
        })
public class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Parameters(index = "0", paramLabel = "A", description = "First campaign id (the reference).")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "Second campaign id.")
    String b;

    @Option(names = "--scalars", paramLabel = "GLOB",
            description = "Scalar names to compare (OMNeT++ pattern, e.g. 'queueingTime:*'); default all.")
    String scalars;

    @Option(names = "--alpha", paramLabel = "A", description = "Significance level (default 0.05).")
    Double alpha;

    @Option(names = "--margin", paramLabel = "FRACTION",
            description = "Difference small enough to call 'same', relative to the mean (default 0.05).")
    Double margin;

    @Option(names = "--exact", description = "Compare every value bit for bit; name the first difference.")
    boolean exact;

    @Option(names = "--csv", description = "Print CSV (one header row) instead of a table.")
    boolean csv;

    @Override
    public Integer call() {
        ApiClient results = endpoints.client(Service.RESULTS);
        String path = path();
        PrintWriter out = spec.commandLine().getOut();
        if (csv) {
            String text = results.text(path, "text/csv");
            out.print(text);
            out.flush();
            List<String> lines = text.lines().skip(1).toList();
            return (exact ? !lines.isEmpty() : lines.stream().anyMatch(l -> l.endsWith(",different"))) ? 1 : 0;
        }
        JsonNode rows = results.get(path);
        if (exact) {
            printExact(rows, out);
        } else {
            out.print(JsonTable.of(rows, List.of()).render());
            out.println(summary(rows));
        }
        out.flush();
        return different(rows) ? 1 : 0;
    }

    private String path() {
        StringBuilder path = new StringBuilder("/compare?a=").append(encode(a)).append("&b=").append(encode(b));
        if (scalars != null) {
            path.append("&scalars=").append(encode(scalars));
        }
        if (alpha != null) {
            path.append("&alpha=").append(alpha);
        }
        if (margin != null) {
            path.append("&margin=").append(margin);
        }
        return exact ? path.append("&exact=true").toString() : path.toString();
    }

    private boolean different(JsonNode rows) {
        if (exact) {
            return !rows.isEmpty();
        }
        for (JsonNode row : rows) {
            if ("different".equals(row.path("verdict").asText())) {
                return true;
            }
        }
        return false;
    }

    private static String summary(JsonNode rows) {
        Map<String, Integer> verdicts = new TreeMap<>();
        rows.forEach(row -> verdicts.merge(row.path("verdict").asText(), 1, Integer::sum));
        StringBuilder text = new StringBuilder().append(rows.size()).append(" compared");
        verdicts.forEach((verdict, count) -> text.append(", ").append(count).append(' ').append(verdict));
        return text.toString();
    }

    private static void printExact(JsonNode rows, PrintWriter out) {
        if (rows.isEmpty()) {
            out.println("identical: every value of both campaigns is the same, bit for bit");
            return;
        }
        JsonNode first = rows.get(0);
        StringBuilder point = new StringBuilder();
        first.path("itervars").properties().forEach(e -> point.append(point.isEmpty() ? "" : ", ").append(e.getKey())
                .append('=').append(e.getValue().asText()));
        out.printf("first difference: %s %s at %s repetition %s: %s in A, %s in B%n", first.path("module").asText(),
                first.path("name").asText(), point.isEmpty() ? "(no iteration)" : point,
                first.path("repetition").asText(), value(first.path("a")), value(first.path("b")));
        out.printf("%d values differ%n", rows.size());
    }

    private static String value(JsonNode value) {
        return value.isNull() ? "missing" : Cells.table(value);
    }
}
