package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunNumbersTest {

    @Test
    void writesConsecutiveNumbersAsRanges() {
        assertThat(RunNumbers.ranges(List.of(3, 0, 1, 2, 7, 10, 11, 12, 12))).isEqualTo("0-3, 7, 10-12");
        assertThat(RunNumbers.ranges(List.of(5))).isEqualTo("5");
    }
}
