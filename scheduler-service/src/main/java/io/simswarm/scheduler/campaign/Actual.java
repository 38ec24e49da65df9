package io.simswarm.scheduler.campaign;

/**
 * What an ended campaign took, to set against its {@link Estimate}.
 *
 * @param runs        runs that ran to the end (succeeded)
 * @param coreHours   run times of its runs' latest attempts times the CPUs each reserved
 * @param wallSeconds from the start of its runs to its end
 */
public record Actual(int runs, double coreHours, Double wallSeconds) {
}
