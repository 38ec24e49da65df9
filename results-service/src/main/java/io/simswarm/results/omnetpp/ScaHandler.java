package io.simswarm.results.omnetpp;

import java.util.Map;

/** Receives the entries of a .sca file as {@link ScaParser} reads them. Attribute maps may be empty, never null. */
public interface ScaHandler {

    void scalar(Scalar scalar);

    void statistic(Statistic statistic);

    void parameter(String module, String name, String value, Map<String, String> attributes);

    /** A line that could not be understood; the parser skips it and goes on. */
    void error(long line, String reason);
}
