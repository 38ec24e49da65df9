package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.cli.testing.Cli;
import io.simswarm.cli.testing.StandInService;
import io.simswarm.cli.testing.StandInService.Answer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code simswarm run} with precision targets ({@code --until}), against a stand-in scheduler. */
class RunCommandTest {

    private static final String ENDED = "{\"id\":\"c1\",\"status\":\"SUCCEEDED\",\"config\":\"MMc\",\"repoUrl\":"
            + "\"file:///q/\",\"ref\":\"abc\",\"submittedAt\":\"2026-12-07T18:00:00Z\",\"finishedAt\":"
            + "\"2026-12-07T18:03:20Z\",\"runs\":{\"total\":118,\"pending\":0,\"running\":0,\"succeeded\":118,"
            + "\"failed\":0},\"until\":[\"queueingTime:mean ci95<=2%\"],\"maxRepetitions\":50,"
            + "\"points\":{\"total\":3,\"open\":0,\"met\":2,\"budget\":1,\"noData\":0}}";

    private StandInService scheduler;

    @BeforeEach
    void start() throws IOException {
        scheduler = new StandInService().on("/campaigns", Answer.json("{\"id\":\"c1\"}"));
    }

    @AfterEach
    void stop() {
        scheduler.close();
    }

    private JsonNode sent() throws IOException {
        return new ObjectMapper().readTree(scheduler.body("/campaigns"));
    }

    @Test
    void sendsTheTargetsAsTypedAndTheMostRepetitions() throws IOException {
        Cli.Result result = Cli.run("run", "--repo", "file:///q/", "-c", "MMc", "--until",
                "queueingTime:mean ci95<=2%", "--until", "lifeTime:max ci95 <= 0.5", "--max-repetitions", "20",
                "--detach", "--scheduler-url", scheduler.url(), "--", "--sim-time-limit=100s");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("c1\n");
        JsonNode request = sent();
        assertThat(request.path("until")).extracting(JsonNode::asText)
                .containsExactly("queueingTime:mean ci95<=2%", "lifeTime:max ci95 <= 0.5");
        assertThat(request.path("maxRepetitions").asInt()).isEqualTo(20);
        assertThat(request.path("simArgs").asText()).isEqualTo("--sim-time-limit=100s");
    }

    @Test
    void leavesTheMostRepetitionsToTheSchedulerUnlessGiven() throws IOException {
        Cli.Result result = Cli.run("run", "--repo", "file:///q/", "-c", "MMc", "--until", "busy:mean ci95<=1e-3",
                "--detach", "--scheduler-url", scheduler.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sent().path("until")).extracting(JsonNode::asText).containsExactly("busy:mean ci95<=1e-3");
        assertThat(sent().has("maxRepetitions")).isFalse();
    }

    @Test
    void withoutTargetsSendsNeitherField() throws IOException {
        Cli.Result result = Cli.run("run", "--repo", "file:///q/", "-c", "MMc", "--detach", "--scheduler-url",
                scheduler.url(), "--", "--repeat=5");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sent().has("until")).isFalse();
        assertThat(sent().has("maxRepetitions")).isFalse();
        assertThat(sent().path("simArgs").asText()).isEqualTo("--repeat=5");
    }

    @Test
    void helpExplainsTheTargetsAndTheirGrammar() {
        Cli.Result help = Cli.run("run", "--help");

        assertThat(help.exitCode()).isZero();
        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text).contains("--until=TARGET Repeat each parameter point until the 95% confidence interval of"
                        + " scalar NAME is within LIMIT (absolute, or % of the mean): 'NAME ci95<=LIMIT', e.g."
                        + " 'queueingTime:mean ci95<=2%'")
                .contains("--max-repetitions=N Most repetitions per point with --until (default 50)")
                .doesNotContain("%%");
    }

    @Test
    void followingSaysHowManyPointsMetTheirTargetAndHowManyStoppedAtTheBudget() {
        scheduler.on("/campaigns/c1", Answer.json(ENDED));

        Cli.Result result = Cli.run("run", "--repo", "file:///q/", "-c", "MMc", "--until",
                "queueingTime:mean ci95<=2%", "--no-download", "--scheduler-url", scheduler.url(), "--results-url",
                scheduler.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().map(line -> line.replaceAll("elapsed .*", "elapsed (now)"))).containsExactly(
                "campaign c1: config MMc of file:///q/ at abc",
                "runs 118/118 done, 0 running, 0 failed, points 2/3 within target, 1 at budget  elapsed (now)",
                "campaign c1 SUCCEEDED: 118 of 118 runs succeeded, 0 failed, in 3:20; 2 of 3 points within target, "
                        + "1 stopped at the repetition budget",
                "aggregated scalars: simswarm results c1 --aggregate");
    }
}
