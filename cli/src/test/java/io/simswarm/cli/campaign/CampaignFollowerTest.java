package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.cli.CliException;
import io.simswarm.cli.config.Settings;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.testing.ManualClock;
import io.simswarm.cli.testing.StandInService;
import io.simswarm.cli.testing.StandInService.Answer;
import io.simswarm.cli.testing.Zips;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The follower against a stand-in scheduler and results service, on a clock that moves only when it pauses. */
class CampaignFollowerTest {

    private static final Instant SUBMITTED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant FILE_TIME = Instant.parse("2026-11-30T08:15:00Z");

    @TempDir
    Path home;

    @TempDir
    Path output;

    private StandInService services;
    private final ManualClock clock = new ManualClock(SUBMITTED.plusSeconds(10));
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final FollowOptions options = new FollowOptions();

    @BeforeEach
    void start() throws IOException {
        services = new StandInService();
        options.output = output;
        options.pollSeconds = 1;
    }

    @AfterEach
    void stop() {
        services.close();
    }

    private CampaignFollower follower(TestTerminal terminal) {
        Endpoints endpoints = new Endpoints(new Settings(Map.of("SIMSWARM_SCHEDULER_URL", services.url(),
                "SIMSWARM_RESULTS_URL", services.url()), home));
        return new CampaignFollower(endpoints, options, new PrintWriter(out), new PrintWriter(err), terminal, clock,
                clock::sleep);
    }

    private static Answer campaign(String status, int pending, int running, int succeeded, int failed,
            String finishedAt, String error) {
        return Answer.json(String.format("{\"id\":\"c1\",\"status\":\"%s\",\"config\":\"MMc\",\"repoUrl\":"
                        + "\"file:///work/queueing/\",\"ref\":\"4813009284cc\",\"submittedAt\":\"%s\","
                        + "\"finishedAt\":%s,"
                        + "\"error\":%s,\"runs\":{\"total\":%d,\"pending\":%d,\"running\":%d,\"succeeded\":%d,"
                        + "\"failed\":%d}}", status, SUBMITTED, finishedAt == null ? "null" : "\"" + finishedAt + "\"",
                error == null ? "null" : "\"" + error + "\"", pending + running + succeeded + failed, pending, running,
                succeeded, failed));
    }

    private static final Answer AWAY = Answer.problem(503, "Restarting.");
    private static final Answer SUMMARY = Answer.json("[{\"config\":\"MMc\",\"itervars\":{\"rho\":\"0.5\"},"
            + "\"module\":\"Queueing.queue\",\"name\":\"queueingTime:mean\",\"count\":1,\"mean\":0.001,"
            + "\"stddev\":\"NaN\",\"min\":0.001,\"max\":0.001,\"ci95HalfWidth\":null}]");

    @Test
    void ridesOutASchedulerRestartAndAResultsOutageThenReportsTheCampaign() throws IOException {
        services.on("/campaigns/c1", campaign("RUNNING", 2, 2, 2, 0, null, null), AWAY, AWAY,
                        campaign("RUNNING", 0, 2, 4, 0, null, null),
                        campaign("SUCCEEDED", 0, 0, 6, 0, "2026-12-01T10:00:42Z", null))
                .on("/campaigns/c1/results.zip", AWAY, new Answer(200, "application/zip", Zips.of(FILE_TIME,
                        "results/", "", "results/MMc-#0.sca", "version 3\n", "results/MMc-#0.vci", "index\n")))
                .on("/campaigns/c1/scalars", SUMMARY);
        options.summaryGlob = "*queueingTime*";

        int exit = follower(new TestTerminal(false, false)).follow("c1");

        assertThat(exit).isZero();
        assertThat(out.toString().lines()).containsExactly(
                "campaign c1: config MMc of file:///work/queueing/ at 4813009284cc",
                "runs 2/6 done, 2 running, 0 failed  elapsed 0:10",
                "reconnecting to the scheduler service... (0 s)",
                "reconnecting to the scheduler service... (1 s)",
                "runs 4/6 done, 2 running, 0 failed  elapsed 0:14  ETA 0:04",
                "runs 6/6 done, 0 running, 0 failed  elapsed 0:15",
                "campaign c1 SUCCEEDED: 6 of 6 runs succeeded, 0 failed, in 0:42",
                "reconnecting to the results service... (0 s)",
                "2 result files in " + output,
                "",
                "scalars '*queueingTime*', aggregated over repetitions:",
                "config  rho  module          name               count   mean  stddev    min    max  ci95HalfWidth",
                "MMc     0.5  Queueing.queue  queueingTime:mean      1  0.001     NaN  0.001  0.001            NaN");
        assertThat(err.toString()).isEmpty();
        assertThat(output.resolve("MMc-#0.vci")).hasContent("index");
        assertThat(Files.getLastModifiedTime(output.resolve("MMc-#0.sca")).toInstant()).isEqualTo(FILE_TIME);
        assertThat(services.requests()).extracting(Object::toString)
                .contains("/campaigns/c1/scalars?name=*queueingTime*&aggregate=true");
        try (var left = Files.list(output.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith(".simswarm"));
        }
    }

    @Test
    void givesUpAfterTheReconnectTimeoutWithOneLineThatSaysHowToFollowAgain() {
        services.on("/campaigns/c1", campaign("RUNNING", 2, 2, 2, 0, null, null), AWAY);
        options.reconnectTimeout = "20s";

        assertThatThrownBy(() -> follower(new TestTerminal(false, false)).follow("c1"))
                .isExactlyInstanceOf(CliException.class)
                .hasMessage("gave up reconnecting to the scheduler service after 0:20 (HTTP 503: Restarting.); "
                        + "campaign c1 goes on without this command; follow it again with: simswarm watch c1");
        assertThat(out.toString().lines()).last().isEqualTo("reconnecting to the scheduler service... (15 s)");
    }

    @Test
    void failedCampaignIsReportedOnStderrWithItsFailedRunsAndExitCodeOne() {
        services.on("/campaigns/c1", campaign("FAILED", 0, 0, 5, 1, "2026-12-01T10:01:00Z", "1 of 6 runs failed"))
                .on("/campaigns/c1/runs", Answer.json("[{\"runNumber\":0,\"state\":\"SUCCEEDED\",\"attempts\":1},"
                        + "{\"runNumber\":4,\"state\":\"FAILED\",\"attempts\":3,\"exitCode\":1,"
                        + "\"error\":\"starting\\n<!> Error: fail-runs\"}]"));
        options.noDownload = true;

        int exit = follower(new TestTerminal(false, false)).follow("c1");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("campaign c1 FAILED: 5 of 6 runs succeeded, 1 failed, in 1:00")
                .doesNotContain("error");
        assertThat(err.toString().lines()).containsExactly(
                "error: 1 of 6 runs failed",
                "  run 4 failed after 3 attempts, exit code 1: <!> Error: fail-runs",
                "logs of a run: simswarm logs c1 RUN");
    }

    @Test
    void ctrlCWithoutATerminalStopsFollowingAndLeavesTheCampaignRunning() {
        services.on("/campaigns/c1", campaign("RUNNING", 2, 2, 2, 0, null, null));
        TestTerminal terminal = new TestTerminal(false, false);
        terminal.ctrlC.press();

        assertThatThrownBy(() -> follower(terminal).follow("c1"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(130))
                .hasMessage("stopped following campaign c1; it keeps running: simswarm watch c1");
        assertThat(services.requests()).extracting(Object::toString).doesNotContain("/campaigns/c1/cancel");
    }

    @Test
    void ctrlCAnsweredWithYesCancelsTheCampaign() {
        services.on("/campaigns/c1", campaign("RUNNING", 2, 2, 2, 0, null, null))
                .on("/campaigns/c1/cancel", AWAY, campaign("CANCELLED", 0, 0, 2, 0, "2026-12-01T10:00:30Z", null));
        TestTerminal terminal = new TestTerminal(true, true);
        terminal.ctrlC.press();

        assertThatThrownBy(() -> follower(terminal).follow("c1"))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(130))
                .hasMessage("cancelled by the user");
        assertThat(err.toString()).isEqualTo("campaign c1 cancelled\n");
        assertThat(services.requests()).extracting(Object::toString).containsSubsequence("/campaigns/c1/cancel",
                "/campaigns/c1/cancel");
    }

    @Test
    void malformedReconnectTimeoutIsAUsageErrorBeforeAnythingIsAsked() {
        options.reconnectTimeout = "five minutes";

        assertThatThrownBy(() -> follower(new TestTerminal(false, false)))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("the reconnect timeout 'five minutes' from --reconnect-timeout is not a duration: write "
                        + "seconds (300) or a whole number with s, m or h (90s, 5m, 1h)");
        assertThat(services.requests()).isEmpty();
    }
}
