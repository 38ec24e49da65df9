package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.cli.testing.Cli;
import io.simswarm.cli.testing.StandInService;
import io.simswarm.cli.testing.StandInService.Answer;
import io.simswarm.cli.testing.Zips;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simswarm watch} through the command line, against stand-in services. */
class WatchCommandTest {

    private static final String ENDED = "{\"id\":\"c1\",\"status\":\"SUCCEEDED\",\"config\":\"MMc\",\"repoUrl\":"
            + "\"file:///q/\",\"ref\":\"abc\",\"submittedAt\":\"2026-12-01T10:00:00Z\",\"finishedAt\":"
            + "\"2026-12-01T10:00:07Z\",\"runs\":{\"total\":2,\"pending\":0,\"running\":0,\"succeeded\":2,"
            + "\"failed\":0}}";

    @TempDir
    Path results;

    private StandInService services;

    @BeforeEach
    void start() throws IOException {
        services = new StandInService()
                .on("/campaigns/c1", Answer.json(ENDED))
                .on("/campaigns/c1/results.zip", new Answer(200, "application/zip", Zips.of(Instant.now(),
                        "results/a.sca", "version 3\n", "results/b.sca", "version 3\n")))
                .on("/campaigns/c1/scalars", Answer.json("[{\"config\":\"MMc\",\"itervars\":{},\"module\":\"Q\","
                        + "\"name\":\"mean\",\"count\":2,\"mean\":1.5,\"stddev\":0.5,\"min\":1.0,\"max\":2.0,"
                        + "\"ci95HalfWidth\":4.5}]"));
    }

    @AfterEach
    void stop() {
        services.close();
    }

    @Test
    void reattachesToAnEndedCampaignWithTheReportOfRun() {
        Cli.Result watch = Cli.run("watch", "c1", "--scheduler-url", services.url(), "--results-url", services.url(),
                "-o", results.toString(), "--summary", "mean");

        assertThat(watch.exitCode()).as(watch.err()).isZero();
        assertThat(watch.out().lines()).containsExactly(
                "campaign c1: config MMc of file:///q/ at abc",
                "runs 2/2 done, 0 running, 0 failed  elapsed " + watch.out().lines().skip(1).findFirst().orElseThrow()
                        .replaceAll(".*elapsed ", ""),
                "campaign c1 SUCCEEDED: 2 of 2 runs succeeded, 0 failed, in 0:07",
                "2 result files in " + results,
                "",
                "scalars 'mean', aggregated over repetitions:",
                "config  module  name  count  mean  stddev  min  max  ci95HalfWidth",
                "MMc     Q       mean      2   1.5     0.5    1    2            4.5");
        assertThat(results.resolve("a.sca")).hasContent("version 3");
    }

    @Test
    void unknownCampaignIsOneLineAndExitCodeFour() {
        Cli.Result watch = Cli.run("watch", "nope", "--scheduler-url", services.url(), "--no-download");

        assertThat(watch.exitCode()).isEqualTo(4);
        assertThat(watch.err().lines()).containsExactly("simswarm: nothing at /campaigns/nope");
    }
}
