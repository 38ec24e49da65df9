package io.simswarm.scheduler.point;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void aRelativeTargetIsAPercentageOfTheMean() {
        Target t = Target.parse("queueingTime:mean ci95<=2%");
        assertThat(t.name()).isEqualTo("queueingTime:mean");
        assertThat(t.relative()).isTrue();
        assertThat(t.limit()).isEqualTo(2.0);
        assertThat(t.limitFor(-0.5)).isEqualTo(0.01);
        assertThat(t.limitFor(null)).isNaN();
    }

    @Test
    void anAbsoluteTargetIsInTheScalarsUnitWhateverTheSpacing() {
        Target t = Target.parse("  packets received:count   ci95 <= 1.5e-3 ");
        assertThat(t.name()).isEqualTo("packets received:count");
        assertThat(t.relative()).isFalse();
        assertThat(t.limitFor(1000.0)).isEqualTo(0.0015);
        assertThat(t.text()).isEqualTo("packets received:count   ci95 <= 1.5e-3");
    }

    @Test
    void whatIsNotATargetIsAnsweredWithTheSyntax() {
        assertThatThrownBy(() -> Target.parse("queueingTime:mean < 2%")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'queueingTime:mean < 2%' is not a precision target: write NAME ci95<=LIMIT");
        assertThatThrownBy(() -> Target.parse("ci95<=2%")).hasMessageContaining("is not a precision target");
        assertThatThrownBy(() -> Target.parse("x ci95<=-1")).hasMessageContaining("is not a precision target");
        assertThatThrownBy(() -> Target.parse("x ci95<=0%"))
                .hasMessage("The limit of precision target 'x ci95<=0%' must be a positive number.");
        assertThatThrownBy(() -> Target.parse("n".repeat(201) + " ci95<=1"))
                .hasMessage("The scalar name of a precision target must be at most 200 characters, not 201.");
    }
}
