package io.simswarm.results.compare;

import io.simswarm.results.query.StudentT;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The statistics of a comparison: Welch's unequal-variance t-test per scalar and point, Holm's step-down correction
 * across all of them, and the verdict.
 */
final class Welch {

    private Welch() {
    }

    /** Compares one scalar at one point; the adjusted p-value and verdict come from {@link #decide}. */
    static Comparison compare(Point point, String module, String name, Sample a, Sample b) {
        double difference = b.mean() - a.mean();
        Double relative = a.mean() != 0 ? difference / Math.abs(a.mean()) : difference == 0 ? 0.0 : null;
        return new Comparison(point, module, name, a, b, difference, relative, effectSize(a, b, difference),
                pValue(a, b, difference), null, null);
    }

    private static Double effectSize(Sample a, Sample b, double difference) {
        if (a.variance() == null && b.variance() == null) {
            return a.sameSummaryAs(b) ? 0.0 : null;
        }
        double pooled = Math.sqrt(((a.variance() == null ? 0 : a.variance()) + (b.variance() == null ? 0
                : b.variance())) / 2);
        if (pooled == 0) {
            return difference == 0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
        }
        return difference / pooled;
    }

    /** Two-sided p-value of Welch's t-test; 1 for the same values, null with fewer than two values on a side. */
    static Double pValue(Sample a, Sample b, double difference) {
        if (a.sameSummaryAs(b)) {
            return 1.0;
        }
        if (a.count() < 2 || b.count() < 2 || Double.isNaN(difference)) {
            return null;
        }
        double va = a.varianceOfMean();
        double vb = b.varianceOfMean();
        double se2 = va + vb;
        if (se2 == 0) {
            return difference == 0 ? 1.0 : 0.0;
        }
        double t = Math.abs(difference) / Math.sqrt(se2);
        return Math.min(1, 2 * StudentT.cdf(-t, degreesOfFreedom(a, b)));
    }

    /** Welch-Satterthwaite degrees of freedom. */
    static double degreesOfFreedom(Sample a, Sample b) {
        double va = a.varianceOfMean();
        double vb = b.varianceOfMean();
        double df = (va + vb) * (va + vb) / (va * va / (a.count() - 1) + vb * vb / (b.count() - 1));
        return Double.isFinite(df) ? df : a.count() + b.count() - 2;
    }

    /**
     * Holm's correction across {@code compared} (those with a p-value), then each verdict: DIFFERENT when the
     * adjusted p-value is below {@code alpha}; SAME for the same values, or when the (1 - alpha) confidence interval
     * of the difference lies within {@code margin} times the larger |mean|; INCONCLUSIVE otherwise. Sorted by effect
     * size, largest first.
     */
    static List<Comparison> decide(List<Comparison> compared, double alpha, double margin) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            if (compared.get(i).pValue() != null) {
                tested.add(i);
            }
        }
        tested.sort(Comparator.comparingDouble(i -> compared.get(i).pValue()));
        Double[] adjusted = new Double[compared.size()];
        double running = 0;
        int m = tested.size();
        for (int rank = 0; rank < m; rank++) {
            int i = tested.get(rank);
            running = Math.max(running, Math.min(1, (m - rank) * compared.get(i).pValue()));
            adjusted[i] = running;
        }
        List<Comparison> decided = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            Comparison c = compared.get(i);
            decided.add(c.withAdjusted(adjusted[i], verdict(c, adjusted[i], alpha, margin)));
        }
        decided.sort(Comparator.comparingDouble((Comparison c) -> magnitude(c.effectSize())).reversed()
                .thenComparing(Comparator.comparingDouble((Comparison c) -> magnitude(c.relativeDifference()))
                        .reversed())
                .thenComparing(Comparison::point).thenComparing(Comparison::module).thenComparing(Comparison::name));
        return decided;
    }

    private static Verdict verdict(Comparison c, Double adjusted, double alpha, double margin) {
        if (c.a().sameSummaryAs(c.b())) {
            return Verdict.SAME;
        }
        if (adjusted == null) {
            return Verdict.INCONCLUSIVE;
        }
        if (adjusted < alpha) {
            return Verdict.DIFFERENT;
        }
        double se = Math.sqrt(c.a().varianceOfMean() + c.b().varianceOfMean());
        double halfWidth = se == 0 ? 0 : StudentT.quantile(1 - alpha / 2, degreesOfFreedom(c.a(), c.b())) * se;
        double allowed = margin * Math.max(Math.abs(c.a().mean()), Math.abs(c.b().mean()));
        return Math.abs(c.difference()) + halfWidth <= allowed ? Verdict.SAME : Verdict.INCONCLUSIVE;
    }

    private static double magnitude(Double value) {
        return value == null || value.isNaN() ? -1 : Math.abs(value);
    }
}
