package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrecisionTableTest {

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static String measure(String target, String module, double halfWidth, double limit, boolean met) {
        String name = target.substring(0, target.indexOf(' '));
        return String.format("{\"target\":\"%s\",\"name\":\"%s\",\"module\":\"%s\",\"count\":5,\"mean\":4.0,"
                + "\"halfWidth\":%s,\"limit\":%s,\"met\":%s}", target, name, module, halfWidth, limit, met);
    }

    @Test
    void aScalarMeasuredInTwoModulesGetsAColumnPerModuleAndTwoTargetsOfOneScalarOnePerTarget() throws Exception {
        JsonNode points = json("[{\"itervars\":[],\"state\":\"NO_DATA\",\"runs\":5,\"maxRuns\":20,\"measures\":["
                + measure("delay:mean ci95<=0.1", "Net.a", 0.05, 0.1, true) + ","
                + measure("delay:mean ci95<=0.1", "Net.b", 0.2, 0.1, false) + ","
                + measure("busy:mean ci95<=1e-3", "Net.a", 0.00042, 0.001, true) + ","
                + measure("busy:mean ci95<=1%", "Net.a", 0.00042, 0.04, true) + "]}]");

        assertThat(PrecisionTable.of(points).lines()).containsExactly(
                "precision of the 95% confidence intervals, half-width now against the limit:",
                "POINT   RUNS  Net.a.delay:mean  Net.b.delay:mean  busy:mean ci95<=1e-3  busy:mean ci95<=1%  STATE",
                "(none)  5/20  0.05 <= 0.1       0.2 > 0.1         0.00042 <= 0.001      0.0105% <= 1%       no data");
    }

    @Test
    void showsTheFirstFiftyPointsAndHowManyMoreThereAre() throws Exception {
        JsonNode points = json(IntStream.range(0, 53)
                .mapToObj(i -> "{\"itervars\":[{\"name\":\"i\",\"value\":\"" + i + "\"}],\"state\":\"OPEN\","
                        + "\"runs\":2,\"maxRuns\":50,\"measures\":[],\"evaluatedAt\":null}")
                .collect(Collectors.joining(",", "[", "]")));

        String table = PrecisionTable.of(points);

        assertThat(table.lines()).hasSize(2 + PrecisionTable.MAX_POINTS + 1);
        assertThat(table.lines().skip(2)).first().isEqualTo("i=0    2/50  open");
        assertThat(table.lines()).contains("i=49   2/50  open").doesNotContain("i=50   2/50  open")
                .last().isEqualTo("... and 3 more points");
    }
}
