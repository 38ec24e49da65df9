package io.simswarm.scheduler.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class EstimatorTest {

    @Test
    void readsTheSimulatedTimeLimitInSeconds() {
        assertThat(Estimator.simTimeLimit("--sim-time-limit=100s")).isEqualTo(100.0);
        assertThat(Estimator.simTimeLimit("-x --sim-time-limit=2.5min --repeat=3")).isEqualTo(150.0);
        assertThat(Estimator.simTimeLimit("--sim-time-limit=500ms")).isCloseTo(0.5, within(1e-12));
        assertThat(Estimator.simTimeLimit("--sim-time-limit='20'")).isEqualTo(20.0);
        assertThat(Estimator.simTimeLimit("--repeat=3")).isNull();
        assertThat(Estimator.simTimeLimit(null)).isNull();
    }

    @Test
    void spreadsTheRunsLongestFirst() {
        assertThat(Estimator.makespan(List.of(1.0, 1.0, 1.0, 1.0, 4.0), 2)).isEqualTo(4.0);
        assertThat(Estimator.makespan(List.of(3.0, 3.0, 2.0, 2.0, 2.0), 2)).isEqualTo(7.0);
        assertThat(Estimator.makespan(List.of(5.0), 8)).isEqualTo(5.0);
    }

    @Test
    void quantilesInterpolate() {
        double[] sorted = {0.5, 1.0, 1.5};
        assertThat(Estimator.quantile(sorted, 0.1)).isCloseTo(0.6, within(1e-12));
        assertThat(Estimator.quantile(sorted, 0.9)).isCloseTo(1.4, within(1e-12));
        assertThat(Estimator.quantile(new double[0], 0.5)).isEqualTo(1.0);
    }
}
