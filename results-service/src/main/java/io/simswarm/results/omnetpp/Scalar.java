package io.simswarm.results.omnetpp;

import java.util.Map;

/**
 * One {@code scalar} line of a .sca file with its {@code attr} lines: {@code value} as parsed and {@code text} as
 * the file wrote it, for writers that can pass the number on without formatting it again.
 */
public record Scalar(String module, String name, double value, String text, Map<String, String> attributes) {
}
