package io.simswarm.results.vector;

import io.simswarm.results.query.TableWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Gathers a vector's data rows (event, time, value) into arrays, time or else event number as x. */
final class PointCollector implements TableWriter {

    double[] times = new double[1024];
    double[] values = new double[1024];
    int count;
    private double event;
    private double time = Double.NaN;

    @Override
    public void start(List<String> columns, Map<String, List<String>> groups) {
    }

    @Override
    public void integer(String column, Long value) {
        if ("event".equals(column) && value != null) {
            event = value;
        }
    }

    @Override
    public void number(String column, Double value) {
        if ("time".equals(column)) {
            time = value == null ? Double.NaN : value;
        } else if ("value".equals(column)) {
            if (count == times.length) {
                times = Arrays.copyOf(times, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            times[count] = Double.isNaN(time) ? event : time;
            values[count] = value == null ? Double.NaN : value;
            count++;
        }
    }

    @Override
    public void text(String column, String value) {
    }

    @Override
    public void numbers(String column, double[] values) {
    }

    @Override
    public void group(String column, String[] names, String[] values) {
    }

    @Override
    public void numberGroup(String column, String[] names, Double[] values) {
    }

    @Override
    public void json(String column, String json) {
    }

    @Override
    public void endRow() {
        time = Double.NaN;
    }

    @Override
    public void close() {
    }
}
