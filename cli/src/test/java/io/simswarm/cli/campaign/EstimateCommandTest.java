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

        Cli.Result result = Cli.run("run", "--repo", "file:///tmp/q", "-c", "MMc", "--estimate", "--estimate-sample",
                "0", "--scheduler-url", scheduler.url());

        assertThat(result.out().lines()).containsExactly("runs       not known before the campaign is expanded",
                "note       No earlier run of this repository and configuration succeeded.");
        assertThat(scheduler.requests()).extracting(Object::toString).containsExactly("/campaigns/estimate");
    }

    @Test
    void withoutHistoryASampleOfTheFirstRunsRunsFirstAndTheEstimateIsAskedAgain() {
        scheduler.on("/campaigns/estimate",
                Answer.json("{\"runs\":null,\"basedOnRuns\":0,\"notes\":[\"No earlier run.\"]}"),
                Answer.json("{\"runs\":24,\"basedOnRuns\":2,\"coreHours\":0.02,\"coreHoursP10\":0.01,"
                        + "\"coreHoursP90\":0.03,\"notes\":[]}"))
                .on("/campaigns", Answer.json("{\"id\":\"s1\"}"))
                .on("/campaigns/s1", Answer.json("{\"id\":\"s1\",\"status\":\"SUCCEEDED\",\"config\":\"MMc\","
                        + "\"runs\":{\"total\":24,\"succeeded\":2,\"cancelled\":22},\"sampleRuns\":2}"));

        Cli.Result result = Cli.run("run", "--repo", "file:///tmp/q", "-c", "MMc", "--estimate", "--scheduler-url",
                scheduler.url(), "--results-url", scheduler.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("No earlier run of this configuration to estimate from: running the first 2"
                + " runs as a sample first, campaign s1 (--estimate-sample 0 skips it).");
        assertThat(scheduler.body("/campaigns")).contains("\"sampleRuns\":2").contains("\"config\":\"MMc\"");
        assertThat(result.out()).contains("runs       24\n")
                .contains("core-hours 0.0200 (p10-p90 0.0100-0.0300), from 2 earlier runs");
        assertThat(scheduler.requests()).extracting(Object::toString).startsWith("/campaigns/estimate", "/campaigns")
                .endsWith("/campaigns/estimate");
    }

    @Test
    void aSampleThatFailsGivesNoEstimate() {
        scheduler.on("/campaigns/estimate", Answer.json("{\"runs\":null,\"basedOnRuns\":0,\"notes\":[]}"))
                .on("/campaigns", Answer.json("{\"id\":\"s2\"}"))
                .on("/campaigns/s2", Answer.json("{\"id\":\"s2\",\"status\":\"FAILED\",\"config\":\"MMc\","
                        + "\"error\":\"Run 0 failed\",\"runs\":{\"total\":24,\"failed\":1,\"cancelled\":23}}"))
                .on("/campaigns/s2/runs", Answer.json("[{\"runNumber\":0,\"state\":\"FAILED\",\"attempts\":1,"
                        + "\"exitCode\":1,\"error\":\"<!> Error: boom\"}]"));

        Cli.Result result = Cli.run("run", "--repo", "file:///tmp/q", "-c", "MMc", "--estimate", "--estimate-sample",
                "1", "--scheduler-url", scheduler.url(), "--results-url", scheduler.url());

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err()).contains("The sample campaign s2 did not succeed, so there is no estimate; see:"
                + " simswarm status s2");
        assertThat(result.out()).doesNotContain("core-hours");
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
