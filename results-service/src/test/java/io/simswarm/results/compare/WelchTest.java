package io.simswarm.results.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

/** Welch's test against scipy.stats.ttest_ind(equal_var=False), Holm's correction and the verdicts. */
class WelchTest {

    private static final Point POINT = new Point(new String[] {"rho"}, new String[] {"0.5"});

    private static Sample sample(double... values) {
        double mean = DoubleStream.of(values).average().orElseThrow();
        Double variance = values.length < 2 ? null
                : DoubleStream.of(values).map(v -> (v - mean) * (v - mean)).sum() / (values.length - 1);
        return new Sample(values.length, mean, variance, DoubleStream.of(values).min().orElseThrow(),
                DoubleStream.of(values).max().orElseThrow());
    }

    private static Comparison compare(String name, Sample a, Sample b) {
        return Welch.compare(POINT, "Net.m", name, a, b);
    }

    @Test
    void pValuesAgreeWithScipy() {
        Sample a = sample(1, 2, 3, 4, 5);
        Sample b = sample(2, 4, 6, 8, 10);
        assertThat(Welch.degreesOfFreedom(a, b)).isCloseTo(5.882352941176471, within(1e-12));
        assertThat(compare("x", a, b).pValue()).isCloseTo(0.10753119493062728, within(1e-9));
        assertThat(compare("y", sample(10.1, 9.8, 10.3), sample(10.0, 10.2, 9.9, 10.1)).pValue())
                .isCloseTo(0.9235766749633063, within(1e-9));
    }

    @Test
    void holmAdjustsStepDownAndDecides() {
        Comparison strong = compare("strong", sample(1, 1.1, 0.9, 1.05), sample(5, 5.1, 4.9, 5.05));
        Comparison weak = compare("weak", sample(1, 2, 3, 4, 5), sample(2, 4, 6, 8, 10));
        Comparison same = compare("same", sample(3, 4, 5), sample(3, 4, 5));
        Comparison noisy = compare("noisy", sample(10.1, 9.8, 10.3), sample(10.0, 10.2, 9.9, 10.1));
        Comparison close = compare("close", sample(10.01, 9.99, 10.0, 10.02), sample(10.0, 10.01, 9.99, 10.0));
        List<Comparison> decided = Welch.decide(List.of(weak, same, strong, noisy, close), 0.05, 0.05);

        assertThat(decided).extracting(Comparison::name).containsExactly("strong", "weak", "close", "noisy", "same");
        Comparison first = decided.get(0);
        assertThat(first.adjustedP()).isCloseTo(5 * strong.pValue(), within(1e-15));
        assertThat(first.verdict()).isEqualTo(Verdict.DIFFERENT);
        assertThat(decided.get(1).adjustedP()).isCloseTo(Math.max(5 * strong.pValue(), 4 * weak.pValue()),
                within(1e-12));
        assertThat(decided.get(1).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(decided.get(2).verdict()).as("the interval of the difference is within 5%").isEqualTo(Verdict.SAME);
        assertThat(decided.get(3).verdict()).as("an interval wider than 5% of the mean")
                .isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(decided.get(4).verdict()).isEqualTo(Verdict.SAME);
        assertThat(decided.get(4).pValue()).isEqualTo(1.0);
    }

    @Test
    void constantsAndSingleRuns() {
        Comparison constants = compare("c", sample(0.5, 0.5), sample(0.9, 0.9));
        assertThat(constants.pValue()).isZero();
        assertThat(constants.effectSize()).isInfinite();
        assertThat(constants.relativeDifference()).isCloseTo(0.8, within(1e-12));
        Comparison single = compare("s", sample(1), sample(2));
        assertThat(single.pValue()).isNull();
        assertThat(Welch.decide(List.of(single), 0.05, 0.05).get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(Welch.decide(List.of(compare("t", sample(1), sample(1))), 0.05, 0.05).get(0).verdict())
                .isEqualTo(Verdict.SAME);
    }
}
