package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.cli.CliException;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrecisionTargetTest {

    @Test
    void readsAbsoluteAndRelativeLimits() {
        assertThat(PrecisionTarget.parse("queueingTime:mean ci95<=2%"))
                .isEqualTo(new PrecisionTarget("queueingTime:mean", 2, true));
        assertThat(PrecisionTarget.parse("lifeTime:max ci95<=0.5"))
                .isEqualTo(new PrecisionTarget("lifeTime:max", 0.5, false));
        assertThat(PrecisionTarget.parse("  busy ci95 <= 1e-3 % ")).isEqualTo(new PrecisionTarget("busy", 0.001, true));
    }

    @Test
    void theNameIsEverythingUpToTheSpaceBeforeCi95() {
        assertThat(PrecisionTarget.parse("end to end delay:mean ci95<=1E+2").name()).isEqualTo("end to end delay:mean");
        assertThat(PrecisionTarget.parse("x".repeat(PrecisionTarget.MAX_NAME) + " ci95<=1").name())
                .hasSize(PrecisionTarget.MAX_NAME);
    }

    @Test
    void refusesWhatIsNoTarget() {
        for (String bad : new String[] {"queueingTime:mean", "queueingTime:mean ci95<2%", "ci95<=2%",
            "queueingTime:mean ci99<=2%", "queueingTime:mean ci95<=-1", "queueingTime:mean ci95<=.5",
            "queueingTime:meanci95<=2", "queueingTime:mean ci95<=2%%", "queueingTime:mean ci95<=two"}) {
            assertThatThrownBy(() -> PrecisionTarget.parse(bad)).isInstanceOf(CliException.class)
                    .hasMessage("--until '" + bad + "' is not a target: write NAME ci95<=LIMIT, LIMIT a number,"
                            + " absolute or with % of the mean, e.g. 'queueingTime:mean ci95<=2%'");
            assertThat(PrecisionTarget.of(bad)).isEmpty();
        }
    }

    @Test
    void refusesALimitOfZeroAndANameTooLong() {
        assertThatThrownBy(() -> PrecisionTarget.parse("x ci95<=0.0%"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("--until 'x ci95<=0.0%' has the limit 0.0%: the limit must be a number above 0");
        assertThatThrownBy(() -> PrecisionTarget.parse("x ci95<=1e-400"))
                .hasMessageContaining("the limit must be a number above 0");
        assertThatThrownBy(() -> PrecisionTarget.parse("x".repeat(201) + " ci95<=1"))
                .hasMessage("--until names a scalar of 201 characters: at most 200");
        assertThat(PrecisionTarget.of("x ci95<=0")).isEmpty();
    }

    @Test
    void atMostEightTargets() {
        assertThat(PrecisionTarget.parseAll(Collections.nCopies(8, "x ci95<=1"))).hasSize(8);
        assertThatThrownBy(() -> PrecisionTarget.parseAll(Collections.nCopies(9, "x ci95<=1")))
                .hasMessage("--until is given 9 times: at most 8 targets");
        assertThat(PrecisionTarget.parseAll(List.of())).isEmpty();
    }
}
