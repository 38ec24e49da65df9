package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CampaignProgressTest {

    private final Instant start = Instant.parse("2026-11-25T10:00:00Z");
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CampaignProgress progress = new CampaignProgress(new PrintStream(bytes, true), false, start);

    private static CampaignView campaign(String status, int pending, int running, int succeeded, int failed)
            throws Exception {
        return CampaignView.of(new ObjectMapper().readTree(String.format(
                "{\"id\":\"c1\",\"status\":\"%s\",\"runs\":{\"total\":%d,\"pending\":%d,\"running\":%d,\"succeeded\":%d,"
                        + "\"failed\":%d}}", status, pending + running + succeeded + failed, pending, running, succeeded,
                failed)));
    }

    @Test
    void showsTheStateWhileBuilding() throws Exception {
        assertThat(progress.line(campaign("BUILDING", 0, 0, 0, 0), start.plusSeconds(12)))
                .isEqualTo("building  elapsed 0:12");
    }

    @Test
    void countsRunsAndEstimatesTheTimeLeftFromTheRateSoFar() throws Exception {
        progress.line(campaign("RUNNING", 24, 0, 0, 0), start.plusSeconds(10));

        String line = progress.line(campaign("RUNNING", 10, 2, 11, 1), start.plusSeconds(40));

        assertThat(line).isEqualTo("runs 12/24 done, 2 running, 1 failed  elapsed 0:40  ETA 0:30");
    }

    @Test
    void withoutATerminalPrintsALineOnlyWhenSomethingBesidesTheClockChanged() throws Exception {
        progress.show(campaign("BUILDING", 0, 0, 0, 0), start.plusSeconds(1));
        progress.show(campaign("BUILDING", 0, 0, 0, 0), start.plusSeconds(2));
        progress.show(campaign("EXPANDING", 0, 0, 0, 0), start.plusSeconds(3));

        assertThat(bytes.toString().lines()).containsExactly("building  elapsed 0:01", "expanding elapsed 0:03");
    }

    @Test
    void terminalStatesAreRecognised() throws Exception {
        assertThat(campaign("SUCCEEDED", 0, 0, 3, 0).terminal()).isTrue();
        assertThat(campaign("CANCELLED", 1, 0, 2, 0).terminal()).isTrue();
        assertThat(campaign("RUNNING", 1, 0, 2, 0).terminal()).isFalse();
    }
}
