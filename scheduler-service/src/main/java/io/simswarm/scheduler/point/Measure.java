package io.simswarm.scheduler.point;

/**
 * One targeted scalar of one module of a point at its latest evaluation, as the results service reported it.
 *
 * @param target    the target as written
 * @param name      the scalar's name
 * @param module    the module that records it
 * @param count     values in the point's results
 * @param mean      their mean
 * @param halfWidth half-width of the mean's 95 % confidence interval; null below two values
 * @param limit     the half-width the target allows for this mean; null when it cannot be computed (no mean)
 * @param met       whether {@code halfWidth <= limit}
 */
public record Measure(String target, String name, String module, long count, Double mean, Double halfWidth,
        Double limit, boolean met) {
}
