package io.simswarm.results.vector;

import java.util.List;

/**
 * A vector's points thinned for a plot.
 *
 * @param key       the vector's key
 * @param count     points the vector holds
 * @param maxPoints most points asked for
 * @param points    the points kept, in order of time (x is the event number for a vector recorded without time)
 */
public record VectorPoints(String key, int count, int maxPoints, List<Point> points) {

    /** One point; NaN and infinite values are written as the strings JSON allows. */
    public record Point(double time, double value) {
    }
}
