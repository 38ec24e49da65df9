package io.simswarm.cli.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsTextLeftAndNumbersRight() {
        String table = new Table(List.of("NAME", "MEAN")).add(List.of("waitTime", "0.25"))
                .add(List.of("served", "1200")).render();

        assertThat(table).isEqualTo("NAME      MEAN\nwaitTime  0.25\nserved    1200\n");
    }

    @Test
    void flattensNestedJsonObjectsIntoColumns() throws Exception {
        String json = "[{\"run\":0,\"itervars\":{\"rho\":\"0.5\",\"n\":\"1\"},\"name\":\"wait\",\"value\":0.123456789},"
                + "{\"run\":1,\"itervars\":{\"rho\":\"0.7\",\"n\":\"1\"},\"name\":\"wait\",\"value\":null}]";

        String table = JsonTable.of(new ObjectMapper().readTree(json), List.of()).render();

        assertThat(table.lines()).containsExactly(
                "run  rho  n  name     value",
                "  0  0.5  1  wait  0.123457",
                "  1  0.7  1  wait         -");
    }

    @Test
    void formatsNumbersAndDurations() {
        assertThat(Numbers.format(2.0)).isEqualTo("2");
        assertThat(Numbers.format(0.000012345678)).isEqualTo("1.23457e-05");
        assertThat(Numbers.format(Double.NaN)).isEqualTo("NaN");
        assertThat(Numbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(Durations.clock(Duration.ofSeconds(3723))).isEqualTo("1:02:03");
        assertThat(Durations.clock(Duration.ofSeconds(59))).isEqualTo("0:59");
    }
}
