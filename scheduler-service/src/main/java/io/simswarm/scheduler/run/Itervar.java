package io.simswarm.scheduler.run;

/**
 * One iteration variable of a run as OMNeT++ lists it ({@code -q runs}): {@code $n=4} is the name {@code n} and the
 * value {@code 4}, kept as printed (a quantity keeps its unit, a string its quotes).
 */
public record Itervar(String name, String value) {
}
