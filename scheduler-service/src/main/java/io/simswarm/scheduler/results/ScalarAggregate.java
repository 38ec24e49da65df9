package io.simswarm.scheduler.results;

/**
 * One scalar of one module aggregated over the runs asked for, as the results service computes it: the number of
 * values, their mean and the half-width of the mean's 95 % confidence interval (Student's t; null below two values).
 */
public record ScalarAggregate(String module, String name, long count, Double mean, Double halfWidth) {
}
