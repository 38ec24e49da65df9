package io.simswarm.results.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void matchesPublishedQuantiles() {
        // two-sided 95% critical values: tan(0.475 pi) for df 1, scipy.stats.t.ppf(0.975, df) for the others
        double[][] known = {{1, 12.706204736174707}, {2, 4.302652729911275}, {3, 3.182446305284263},
            {4, 2.7764451051977987}, {5, 2.5705818366147395}, {10, 2.2281388519649385}, {20, 2.0859634472658364},
            {30, 2.0422724563012373}, {100, 1.9839715184496334}, {1000, 1.9623390808264074}};
        for (double[] k : known) {
            assertThat(StudentT.quantile975((long) k[0])).as("df %s", k[0]).isCloseTo(k[1], within(1e-9));
        }
        assertThat(StudentT.quantile975(1_000_000)).isCloseTo(1.959966, within(1e-6));
    }

    @Test
    void hasClosedFormsForOneAndTwoDegreesOfFreedom() {
        for (double p : new double[] {0.6, 0.9, 0.99, 0.999}) {
            assertThat(StudentT.quantile(p, 1)).isCloseTo(Math.tan(Math.PI * (p - 0.5)), within(1e-9));
            double a = 4 * p * (1 - p);
            assertThat(StudentT.quantile(p, 2)).isCloseTo((2 * p - 1) * Math.sqrt(2 / a), within(1e-9));
        }
        assertThat(StudentT.quantile(0.025, 5)).isCloseTo(-2.5705818366147395, within(1e-9));
    }

    @Test
    void cdfIsSymmetricAndMonotone() {
        assertThat(StudentT.cdf(0, 7)).isCloseTo(0.5, within(1e-15));
        assertThat(StudentT.cdf(1.5, 7) + StudentT.cdf(-1.5, 7)).isCloseTo(1, within(1e-14));
        assertThat(StudentT.cdf(2, 3)).isLessThan(StudentT.cdf(2.1, 3));
        assertThat(StudentT.cdf(Double.POSITIVE_INFINITY, 3)).isEqualTo(1);
    }
}
