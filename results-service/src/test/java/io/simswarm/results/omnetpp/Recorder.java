package io.simswarm.results.omnetpp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Collects what {@link ScaParser} hands over, for assertions. */
class Recorder implements ScaHandler {

    record Scalar(String module, String name, double value, Map<String, String> attributes) {
    }

    record Parameter(String module, String name, String value, Map<String, String> attributes) {
    }

    final List<Scalar> scalars = new ArrayList<>();
    final List<Statistic> statistics = new ArrayList<>();
    final List<Parameter> parameters = new ArrayList<>();
    final List<String> errors = new ArrayList<>();

    @Override
    public void scalar(io.simswarm.results.omnetpp.Scalar s) {
        scalars.add(new Scalar(s.module(), s.name(), s.value(), Map.copyOf(s.attributes())));
    }

    @Override
    public void statistic(Statistic statistic) {
        statistics.add(statistic);
    }

    @Override
    public void parameter(String module, String name, String value, Map<String, String> attributes) {
        parameters.add(new Parameter(module, name, value, Map.copyOf(attributes)));
    }

    @Override
    public void error(long line, String reason) {
        errors.add(line + ": " + reason);
    }
}
