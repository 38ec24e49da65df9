package io.simswarm.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void formatsWithSixSignificantDigitsWithoutTrailingZeros() {
        assertThat(Numbers.format(0.0123)).isEqualTo("0.0123");
        assertThat(Numbers.format(50)).isEqualTo("50");
        assertThat(Numbers.format(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void roundsToSignificantDigitsWithAnExponentOnlyForVerySmallOrLargeValues() {
        assertThat(Numbers.rounded(1.41234, 3)).isEqualTo("1.41");
        assertThat(Numbers.rounded(0.00031, 3)).isEqualTo("0.00031");
        assertThat(Numbers.rounded(0.000246, 3)).isEqualTo("0.000246");
        assertThat(Numbers.rounded(2.0, 3)).isEqualTo("2");
        assertThat(Numbers.rounded(1234.5, 3)).isEqualTo("1230");
        assertThat(Numbers.rounded(-1.5e-7, 3)).isEqualTo("-1.5e-7");
        assertThat(Numbers.rounded(2.5e9, 3)).isEqualTo("2.5e9");
        assertThat(Numbers.rounded(0, 3)).isEqualTo("0");
        assertThat(Numbers.rounded(Double.POSITIVE_INFINITY, 3)).isEqualTo("inf");
    }
}
