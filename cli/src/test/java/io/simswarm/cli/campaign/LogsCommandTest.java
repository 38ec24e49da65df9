package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.cli.testing.Cli;
import io.simswarm.cli.testing.StandInService;
import io.simswarm.cli.testing.StandInService.Answer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code simswarm logs} against a stand-in scheduler and results service. */
class LogsCommandTest {

    private StandInService services;

    @BeforeEach
    void start() throws IOException {
        StringBuilder runs = new StringBuilder("[");
        for (int run = 0; run < 42; run++) {
            String state = run == 7 ? "FAILED" : run == 9 ? "PENDING" : "SUCCEEDED";
            String error = run == 7 ? ",\"error\":\"<!> Error: fail-runs\\n\"" : "";
            runs.append(run == 0 ? "" : ",").append("{\"runNumber\":").append(run).append(",\"state\":\"")
                    .append(state).append('"').append(error).append('}');
        }
        services = new StandInService()
                .on("/campaigns/c1/runs", Answer.json(runs.append(']').toString()))
                .on("/campaigns/c1/runs/3/log", Answer.text(200, "text/plain", "Run 3 of MMc\nEnd.\n"))
                .on("/campaigns/c1/runs/7/log", Answer.problem(404, "Run 7 of campaign c1 stored no results."))
                .on("/campaigns/c1/runs/9/log", Answer.problem(404, "Run 9 of campaign c1 stored no results."))
                .on("/campaigns/c1/runs/99/log", Answer.problem(404, "Run 99 of campaign c1 stored no results."));
    }

    @AfterEach
    void stop() {
        services.close();
    }

    private Cli.Result logs(String run) {
        return Cli.run("logs", "c1", run, "--scheduler-url", services.url(), "--results-url", services.url());
    }

    @Test
    void storedRunPrintsItsOutputFile() {
        assertThat(logs("3").out()).isEqualTo("Run 3 of MMc\nEnd.\n");
    }

    @Test
    void failedRunPrintsWhatTheSchedulerKept() {
        Cli.Result failed = logs("7");

        assertThat(failed.exitCode()).isZero();
        assertThat(failed.out()).contains("<!> Error: fail-runs");
    }

    @Test
    void runThatHasNotRunYetSaysItsState() {
        Cli.Result pending = logs("9");

        assertThat(pending.exitCode()).isEqualTo(4);
        assertThat(pending.err().lines()).containsExactly("simswarm: run 9 of campaign c1 has no output yet (it is "
                + "PENDING)");
    }

    @Test
    void runTheCampaignDoesNotHaveIsNamedWithTheRunsItHas() {
        Cli.Result missing = logs("99");

        assertThat(missing.exitCode()).isEqualTo(4);
        assertThat(missing.err().lines()).containsExactly("simswarm: campaign c1 has no run 99; its runs are 0-41");
    }
}
