package io.simswarm.results.compare;

import java.util.Arrays;

/**
 * A parameter point: the iteration variables of a run without its repetition, as the run's header names them.
 * Two campaigns' runs are compared where their points are equal.
 */
record Point(String[] names, String[] values) implements Comparable<Point> {

    /** The point as text, e.g. {@code n=2, rho=0.5}; empty for a configuration without iterations. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            text.append(i == 0 ? "" : ", ").append(names[i]).append('=').append(values[i]);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Point p && Arrays.equals(names, p.names) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    @Override
    public int compareTo(Point other) {
        return text().compareTo(other.text());
    }

    @Override
    public String toString() {
        return text();
    }
}
