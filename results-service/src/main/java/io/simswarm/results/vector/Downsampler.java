package io.simswarm.results.vector;

import java.util.ArrayList;
import java.util.List;

/**
 * Thins a vector to at most {@code maxPoints} points for a plot without losing its peaks: the points are cut into
 * {@code maxPoints / 2} buckets of consecutive points, and of each bucket the lowest and the highest point are kept,
 * in their order in time. NaN values are kept where a bucket holds nothing else.
 */
public final class Downsampler {

    private Downsampler() {
    }

    public static List<VectorPoints.Point> downsample(double[] times, double[] values, int count, int maxPoints) {
        List<VectorPoints.Point> kept = new ArrayList<>(Math.min(count, maxPoints));
        if (count <= maxPoints) {
            for (int i = 0; i < count; i++) {
                kept.add(new VectorPoints.Point(times[i], values[i]));
            }
            return kept;
        }
        int buckets = Math.max(1, maxPoints / 2);
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) count * b / buckets);
            int to = (int) ((long) count * (b + 1) / buckets);
            int low = -1;
            int high = -1;
            for (int i = from; i < to; i++) {
                if (Double.isNaN(values[i])) {
                    continue;
                }
                if (low < 0 || values[i] < values[low]) {
                    low = i;
                }
                if (high < 0 || values[i] > values[high]) {
                    high = i;
                }
            }
            if (low < 0) {
                kept.add(new VectorPoints.Point(times[from], values[from]));
            } else if (low == high) {
                kept.add(new VectorPoints.Point(times[low], values[low]));
            } else {
                int first = Math.min(low, high);
                int second = Math.max(low, high);
                kept.add(new VectorPoints.Point(times[first], values[first]));
                kept.add(new VectorPoints.Point(times[second], values[second]));
            }
        }
        return kept;
    }
}
