package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.cli.testing.Cli;
import io.simswarm.cli.testing.StandInService;
import io.simswarm.cli.testing.StandInService.Answer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code simswarm run --estimate} and the estimate in {@code simswarm status ID}, against a stand-in scheduler. */
class EstimateCommandTest {

    private StandInService scheduler;

    @BeforeEach
    void start() throws IOException {
        scheduler = new StandInService();
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    @Test
    void runEstimatePrintsTheFiguresAndStartsNothing() {
        scheduler.on("/campaigns/estimate", Answer.json("{\"runs\":24,\"basedOnRuns\":24,\"coreHours\":0.5,"
                + "\"coreHoursP10\":0.4,\"coreHoursP90\":0.75,\"wallSeconds\":905,\"slots\":2,\"costOnDemand\":1.25,"
                + "\"costSpot\":0.375,\"notes\":[]}"));

        Cli.Result result = Cli.run("run", "--repo", "file:///tmp/q", "-c", "MMc", "--estimate", "--on-exit",
                "code=137:retry", "--scheduler-url", scheduler.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "runs       24",
                "core-hours 0.500 (p10-p90 0.400-0.750), from 24 earlier runs",
                "wall time  15:05 with 2 runs at a time",
                "cost       1.25 USD on demand, 0.38 USD spot");
        assertThat(scheduler.requests()).extracting(Object::toString).containsExactly("/campaigns/estimate");
    }

    @Test
    void withoutHistoryTheNotesSaySo() {
        scheduler.on("/campaigns/estimate", Answer.json("{\"runs\":null,\"basedOnRuns\":0,\"notes\":[\"No earlier run"
                + " of this repository and configuration succeeded.\"]}"));

        Cli.Result result = Cli.run("run", "--repo", "file:///tmp/q", "-c", "MMc", "--estimate", "--scheduler-url",
                scheduler.url());

        assertThat(result.out().lines()).containsExactly("runs       not known before the campaign is expanded",
                "note       No earlier run of this repository and configuration succeeded.");
    }

    @Test
    void statusSetsWhatAnEndedCampaignTookAgainstItsEstimate() {
        scheduler.on("/campaigns/c1", Answer.json("{\"id\":\"c1\",\"status\":\"SUCCEEDED\",\"config\":\"MMc\","
                + "\"runs\":{\"total\":24,\"succeeded\":24},\"estimate\":{\"runs\":24,\"coreHours\":0.5,"
                + "\"wallSeconds\":905},\"actual\":{\"runs\":24,\"coreHours\":0.55,\"wallSeconds\":1000}}"));

        Cli.Result result = Cli.run("status", "c1", "--scheduler-url", scheduler.url());

        assertThat(result.out()).contains("took      0.550 core-hours (estimated 0.500), 16:40 running (estimated"
                + " 15:05)");
    }
}
