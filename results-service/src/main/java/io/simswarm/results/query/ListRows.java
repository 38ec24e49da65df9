package io.simswarm.results.query;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The rows of the list answers as the OpenAPI document describes them. The answers are streamed by a
 * {@link TableWriter}, not built from these records; they name the fields, their types and their order. Numbers
 * that are not finite come as the strings {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}.
 */
public final class ListRows {

    private ListRows() {
    }

    @Schema(description = "A scalar of one run")
    public record Scalar(int run, Integer repetition, String config,
            @Schema(description = "iteration variables in the order of the ini file") Map<String, String> itervars,
            String module, String name, double value, Map<String, String> attributes) {
    }

    @Schema(description = "A scalar aggregated over the repetitions of one parameter combination")
    public record AggregatedScalar(String config, Map<String, String> itervars, String module, String name,
            long count, double mean, @Schema(description = "null over one value") Double stddev, double min,
            double max, @Schema(description = "Student t, 0.975 quantile, n-1 degrees of freedom; null over one "
                    + "value") Double ci95HalfWidth) {
    }

    @Schema(description = "A statistic (or histogram) of one run, with opp_scavetool's histogram fields")
    public record Statistic(int run, Integer repetition, String config, Map<String, String> itervars, String module,
            String name, Double count, Double mean, Double stddev, Double min, Double max, Double sum, Double sqrsum,
            @Schema(description = "the sumweights field, else count") Double sumweights,
            @Schema(description = "count of the -inf bin") Double underflows,
            @Schema(description = "count of the last bin line, above the last edge") Double overflows,
            @Schema(description = "bin edges, one more than binvalues") List<Double> binedges,
            List<Double> binvalues,
            @Schema(description = "the bin lines' lower bounds as written (-inf first)", deprecated = true)
            List<Double> binLowerBounds,
            @Schema(description = "the bin lines' counts as written", deprecated = true) List<Double> binCounts,
            Map<String, String> attributes) {
    }

    @Schema(description = "The summary of one vector; its points are at /vectors/{key}/data")
    public record Vector(String key, int run, Integer repetition, String config, Map<String, String> itervars,
            String module, String name, long count, Double min, Double max, Double mean, Double stddev,
            Double firstTime, Double lastTime, String file, int vectorId, Map<String, String> attributes) {
    }

    @Schema(description = "One point of a vector")
    public record VectorPoint(@Schema(description = "event number, for ETV vectors only") Long event, double time,
            double value) {
    }

    @Schema(description = "A run with stored results")
    public record Run(int run, String runId, Integer repetition, String config, Map<String, String> itervars,
            @Schema(description = "the run attributes (configname, datetime, experiment, measurement, replication, "
                    + "seedset, ...); one column each in CSV") Map<String, String> attributes,
            long files, long bytes, long scalars, long statistics, long vectors, long parseErrors, String uploadedAt,
            @Schema(description = "[key, value] pairs in file order; JSON only") List<List<String>> configEntries) {
    }

    @Schema(description = "A module parameter (par line) of one run")
    public record Parameter(int run, Integer repetition, String config, Map<String, String> itervars, String module,
            String name, String value, Map<String, String> attributes) {
    }

    @Schema(description = "A configuration entry (config line) of one run")
    public record ConfigEntry(int run, Integer repetition, String config, Map<String, String> itervars,
            @Schema(description = "1-based place in the file") int order, String key, String value) {
    }

    @Schema(description = "One run with its itervars, attributes and the chosen scalars")
    public record WideRow(int run, String runId, Integer repetition, String config, Map<String, String> itervars,
            Map<String, String> attributes,
            @Schema(description = "MODULE.NAME to value; one column each in CSV") Map<String, Double> scalars) {
    }

    @Schema(description = "A line of a result file that could not be parsed")
    public record ParseErrorRow(int run, String file, long line, String reason) {
    }
}
