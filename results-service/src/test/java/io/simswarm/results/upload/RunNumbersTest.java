package io.simswarm.results.upload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunNumbersTest {

    @Test
    void readsDecimalRunNumbers() {
        assertThat(RunNumbers.parse("0")).isZero();
        assertThat(RunNumbers.parse("7")).isEqualTo(7);
        assertThat(RunNumbers.parse("1200")).isEqualTo(1200);
        assertThat(RunNumbers.parse("2147483647")).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void rejectsSignsLeadingZerosAndEverythingElse() {
        for (String text : new String[] {"", "00", "012", "+1", "-1", " 1", "1 ", "1a", "0x1", "١", "2147483648",
            "99999999999"}) {
            assertThat(RunNumbers.parse(text)).as(text).isEqualTo(-1);
        }
    }
}
