package io.simswarm.results.query;

import java.util.Arrays;

/**
 * A histogram as {@code opp_scavetool} and {@code omnetpp.scave} present it, from the {@code bin} lines of a
 * statistic: OMNeT++ writes the underflows as a bin with lower bound {@code -inf}, then each bin's lower edge and
 * value, and last the upper edge of the last bin with the overflows. So {@code binedges} has one more element than
 * {@code binvalues}.
 */
public record Histogram(double[] binedges, double[] binvalues, double underflows, double overflows) {

    /** The histogram of these bin lines; null when there are none. */
    public static Histogram of(double[] lowerBounds, double[] counts) {
        if (lowerBounds == null || counts == null || lowerBounds.length == 0) {
            return null;
        }
        int first = lowerBounds[0] == Double.NEGATIVE_INFINITY ? 1 : 0;
        double underflows = first == 1 ? counts[0] : 0;
        int n = lowerBounds.length;
        if (first == n) {
            return new Histogram(new double[0], new double[0], underflows, 0);
        }
        return new Histogram(Arrays.copyOfRange(lowerBounds, first, n), Arrays.copyOfRange(counts, first, n - 1),
                underflows, counts[n - 1]);
    }
}
