package io.simswarm.results.vector;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    @Test
    void keepsTheLowestAndHighestOfEachBucketInOrder() {
        double[] times = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] values = {5, 9, 1, 4, 2, 2, 8, 3};
        List<VectorPoints.Point> kept = Downsampler.downsample(times, values, 8, 4);
        assertThat(kept).containsExactly(new VectorPoints.Point(1, 9), new VectorPoints.Point(2, 1),
                new VectorPoints.Point(4, 2), new VectorPoints.Point(6, 8));
    }

    @Test
    void keepsABucketOfNanAsOnePointAndAShortVectorWhole() {
        double[] times = {0, 1, 2, 3, 4, 5, 6, 7};
        double[] values = {Double.NaN, Double.NaN, 1, 3, 2, 0, 5, 4};
        assertThat(Downsampler.downsample(times, values, 8, 6)).containsExactly(new VectorPoints.Point(0, Double.NaN),
                new VectorPoints.Point(2, 1), new VectorPoints.Point(3, 3), new VectorPoints.Point(5, 0),
                new VectorPoints.Point(6, 5));
        assertThat(Downsampler.downsample(times, values, 8, 10)).hasSize(8);
    }
}
