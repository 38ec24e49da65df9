package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CampaignPhasesTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:05:00Z");

    private static List<String> phases(String json) throws Exception {
        return CampaignPhases.of(CampaignView.of(new ObjectMapper().readTree(json)), NOW).stream()
                .map(phase -> phase.name() + " " + phase.shown()).toList();
    }

    @Test
    void endedCampaignShowsEachPhasesDuration() throws Exception {
        assertThat(phases("{\"status\":\"SUCCEEDED\",\"submittedAt\":\"2026-12-01T10:00:00Z\","
                + "\"buildFinishedAt\":\"2026-12-01T10:00:08Z\",\"startedAt\":\"2026-12-01T10:00:09.5Z\","
                + "\"finishedAt\":\"2026-12-01T10:01:10Z\"}"))
                .containsExactly("build 0:08", "expansion 0:01", "running 1:00");
    }

    @Test
    void phaseUnderWayCountsToNowAndLaterOnesAreNotReached() throws Exception {
        assertThat(phases("{\"status\":\"EXPANDING\",\"submittedAt\":\"2026-12-01T10:00:00Z\","
                + "\"buildFinishedAt\":\"2026-12-01T10:04:00Z\"}"))
                .containsExactly("build 4:00", "expansion 1:00 so far", "running -");
    }

    @Test
    void phaseTheCampaignEndedInSaysHow() throws Exception {
        assertThat(phases("{\"status\":\"CANCELLED\",\"submittedAt\":\"2026-12-01T10:00:00Z\","
                + "\"finishedAt\":\"2026-12-01T10:00:30Z\"}"))
                .containsExactly("build 0:30 (cancelled)", "expansion -", "running -");
    }
}
