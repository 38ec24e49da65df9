package io.simswarm.results.omnetpp;

import java.util.Map;

/**
 * A {@code statistic} entry of a .sca file: its fields (count, mean, stddev, min, max, sum, sqrsum, and any
 * other), attributes and histogram bins ({@code binLowerBounds[i]} is the lower bound of bin i, the first one
 * usually {@code -inf} for the underflows).
 */
public record Statistic(String module, String name, Map<String, Double> fields, Map<String, String> attributes,
        double[] binLowerBounds, double[] binCounts) {

    public Double field(String field) {
        return fields.get(field);
    }
}
