package io.simswarm.scheduler.point;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.scheduler.results.ScalarAggregate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecisionTest {

    private static final Target TWO_PERCENT = Target.parse("queueingTime:mean ci95<=2%");
    private static final Target ABSOLUTE = Target.parse("busy:mean ci95<=0.01");

    private static ScalarAggregate row(String module, long count, Double mean, Double halfWidth) {
        return new ScalarAggregate(module, "x", count, mean, halfWidth);
    }

    @Test
    void aPointWithinEveryTargetIsMet() {
        Decision d = Decision.of(List.of(TWO_PERCENT, ABSOLUTE), Map.of(
                TWO_PERCENT, List.of(row("Net.sink", 4, 10.0, 0.19)),
                ABSOLUTE, List.of(row("Net.a", 4, 0.5, 0.01), row("Net.b", 4, 0.5, 0.004))), 4, 50);
        assertThat(d.state()).isEqualTo(PointState.MET);
        assertThat(d.more()).isZero();
        assertThat(d.measures()).hasSize(3).allMatch(Measure::met);
        assertThat(d.measures().get(0).limit()).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aWideIntervalAsksForAboutNTimesTheSquaredRatioButAtMostDoublesThePoint() {
        // half-width 1.5x the limit after 4 values: about 4 * 2.25 = 9 values, 5 more
        Decision d = Decision.of(List.of(TWO_PERCENT), Map.of(TWO_PERCENT, List.of(row("m", 4, 10.0, 0.3))), 4, 50);
        assertThat(d.state()).isEqualTo(PointState.OPEN);
        assertThat(d.more()).isEqualTo(4);
        assertThat(d.measures()).singleElement().matches(m -> !m.met() && m.halfWidth() == 0.3);
        // slightly too wide: one more
        assertThat(Decision.of(List.of(TWO_PERCENT), Map.of(TWO_PERCENT, List.of(row("m", 10, 10.0, 0.201))), 10, 50)
                .more()).isEqualTo(1);
    }

    @Test
    void oneModuleOutsideItsTargetKeepsThePointOpen() {
        Decision d = Decision.of(List.of(ABSOLUTE), Map.of(ABSOLUTE, List.of(row("a", 2, 1.0, 0.001),
                row("b", 2, 1.0, 0.05))), 2, 50);
        assertThat(d.state()).isEqualTo(PointState.OPEN);
        assertThat(d.more()).isEqualTo(2);
    }

    @Test
    void theBudgetBoundsTheRepetitions() {
        Map<Target, List<ScalarAggregate>> wide = Map.of(TWO_PERCENT, List.of(row("m", 40, 10.0, 1.0)));
        assertThat(Decision.of(List.of(TWO_PERCENT), wide, 48, 50).more()).isEqualTo(2);
        Decision spent = Decision.of(List.of(TWO_PERCENT), wide, 50, 50);
        assertThat(spent.state()).isEqualTo(PointState.BUDGET);
        assertThat(spent.more()).isZero();
    }

    @Test
    void aSingleValueHasNoIntervalYetAndAMissingScalarHasNoData() {
        Decision one = Decision.of(List.of(TWO_PERCENT), Map.of(TWO_PERCENT, List.of(row("m", 1, 10.0, null))), 1, 50);
        assertThat(one.state()).isEqualTo(PointState.OPEN);
        assertThat(one.more()).isEqualTo(1);
        Decision none = Decision.of(List.of(TWO_PERCENT, ABSOLUTE), Map.of(TWO_PERCENT, List.of(row("m", 3, 1.0, 0.001)),
                ABSOLUTE, List.of()), 3, 50);
        assertThat(none.state()).isEqualTo(PointState.NO_DATA);
        assertThat(none.more()).isZero();
    }

    @Test
    void aMeanThatIsNotANumberNeverMeetsARelativeTarget() {
        Decision d = Decision.of(List.of(TWO_PERCENT), Map.of(TWO_PERCENT, List.of(row("m", 5, Double.NaN, 0.1))), 5,
                6);
        assertThat(d.state()).isEqualTo(PointState.OPEN);
        assertThat(d.more()).isEqualTo(1);
        assertThat(d.measures().get(0).mean()).isNull();
        assertThat(d.measures().get(0).limit()).isNull();
    }
}
