package io.simswarm.results.compare;

/**
 * One scalar at one parameter point of one campaign, over its repetitions.
 *
 * @param count    number of values (runs)
 * @param mean     their mean
 * @param variance their sample variance; null with one value
 * @param min      smallest value
 * @param max      largest value
 */
record Sample(long count, double mean, Double variance, double min, double max) {

    /** Same count, mean, variance and range: in practice the same values (a campaign repeated bit for bit). */
    boolean sameSummaryAs(Sample other) {
        return count == other.count && Double.compare(mean, other.mean) == 0
                && java.util.Objects.equals(variance, other.variance) && Double.compare(min, other.min) == 0
                && Double.compare(max, other.max) == 0;
    }

    /** Variance of the mean; 0 with one value (unknown, treated by the caller). */
    double varianceOfMean() {
        return variance == null ? 0 : variance / count;
    }
}
