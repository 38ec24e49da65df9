package io.simswarm.results.compare;

/**
 * One scalar at one parameter point, compared between campaign A and campaign B.
 *
 * @param point              the parameter point
 * @param module             module path
 * @param name               scalar name
 * @param a                  A's values
 * @param b                  B's values
 * @param difference         mean of B minus mean of A
 * @param relativeDifference the difference divided by |mean of A|; null when A's mean is 0 and B's is not
 * @param effectSize         the difference in pooled standard deviations (Cohen's d); ±infinity when both are
 *                           constant but differ, null when it cannot be told (one run on both sides)
 * @param pValue             Welch's two-sided t-test; null with fewer than two runs on a side
 * @param adjustedP          the p-value after Holm's correction across every compared scalar and point
 * @param verdict            same, different or inconclusive
 */
public record Comparison(Point point, String module, String name, Sample a, Sample b, double difference,
        Double relativeDifference, Double effectSize, Double pValue, Double adjustedP, Verdict verdict) {

    Comparison withAdjusted(Double adjusted, Verdict decided) {
        return new Comparison(point, module, name, a, b, difference, relativeDifference, effectSize, pValue, adjusted,
                decided);
    }
}
