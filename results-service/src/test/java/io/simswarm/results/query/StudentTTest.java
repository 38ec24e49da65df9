package io.simswarm.results.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void matchesPublishedQuantiles() {
        // two-sided 95% critical values of Student's t (e.g. R: qt(0.975, df))
        double[][] known = {{1, 12.706204736174698}, {2, 4.302652729749464}, {3, 3.182446305284263},
            {4, 2.776445105197793}, {5, 2.570581835636314}, {10, 2.228138851986274}, {20, 2.085963447265837},
            {30, 2.042272456301238}, {100, 1.983971518523552}, {1000, 1.962339354338710}};
        for (double[] k : known) {
            assertThat(StudentT.quantile975((long) k[0])).as("df %s", k[0]).isCloseTo(k[1], within(1e-10));
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
        assertThat(StudentT.quantile(0.025, 5)).isCloseTo(-2.570581835636314, within(1e-10));
    }

    @Test
    void cdfIsSymmetricAndMonotone() {
        assertThat(StudentT.cdf(0, 7)).isCloseTo(0.5, within(1e-15));
        assertThat(StudentT.cdf(1.5, 7) + StudentT.cdf(-1.5, 7)).isCloseTo(1, within(1e-14));
        assertThat(StudentT.cdf(2, 3)).isLessThan(StudentT.cdf(2.1, 3));
        assertThat(StudentT.cdf(Double.POSITIVE_INFINITY, 3)).isEqualTo(1);
    }
}
