package io.simswarm.scheduler.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.commons.problem.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemorySizeTest {

    @Test
    void readsTheUnitsPeopleWrite() {
        assertThat(MemorySize.parse("memoryPerRun", "512m")).isEqualTo(512L << 20);
        assertThat(MemorySize.parse("memoryPerRun", "2g")).isEqualTo(2L << 30);
        assertThat(MemorySize.parse("memoryPerRun", " 2GiB ")).isEqualTo(2L << 30);
        assertThat(MemorySize.parse("memoryPerRun", "1073741824")).isEqualTo(1L << 30);
        assertThat(MemorySize.parse("memoryPerRun", "65536k")).isEqualTo(64L << 20);
    }

    @Test
    void writesTheLargestUnitThatDividesTheSize() {
        assertThat(MemorySize.format(2L << 30)).isEqualTo("2g");
        assertThat(MemorySize.format(1536L << 20)).isEqualTo("1536m");
        assertThat(MemorySize.format(100_000_001L)).isEqualTo("100000001");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "lots", "2x", "-1g", "1.5g", "1e9", "2 g b s"})
    void refusesWhatIsNotASize(String text) {
        assertThatThrownBy(() -> MemorySize.parse("memoryPerRun", text))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("memoryPerRun must be a size such as 512m or 2g");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1m", "63m", "5000g", "9999999999999t", "0"})
    void refusesSizesNoRunCanHave(String text) {
        assertThatThrownBy(() -> MemorySize.parse("memoryPerRun", text))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("memoryPerRun must be between 64m and 4096g");
    }
}
