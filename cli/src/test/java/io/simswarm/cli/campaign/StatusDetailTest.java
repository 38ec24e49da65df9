package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.cli.testing.Cli;
import io.simswarm.cli.testing.StandInService;
import io.simswarm.cli.testing.StandInService.Answer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code simswarm status ID} says about the image a campaign runs and the precision of a campaign with targets,
 * against a stand-in scheduler.
 */
class StatusDetailTest {

    private static final String DIGEST = "sha256:" + "ab".repeat(32);

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
    void showsTheImageWithItsDigestAndTheSimulatorsVersion() {
        scheduler.on("/campaigns/c1", Answer.json("{\"id\":\"c1\",\"status\":\"RUNNING\",\"config\":\"MMc\","
                + "\"repoUrl\":\"file:///p\",\"commit\":\"0123abcd\",\"image\":\"127.0.0.1:5050/simswarm/build:0a1b\","
                + "\"imageDigest\":\"" + DIGEST + "\",\"simulatorVersion\":\"OMNeT++ 6.1, build: 241008-f7568267cd\","
                + "\"runs\":{\"total\":24,\"succeeded\":3}}"));

        Cli.Result result = Cli.run("status", "c1", "--scheduler-url", scheduler.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines()).contains("repo      file:///p @ 0123abcd",
                "image     127.0.0.1:5050/simswarm/build:0a1b (" + DIGEST + ")",
                "simulator OMNeT++ 6.1, build: 241008-f7568267cd");
    }

    private static final String TARGETED = "{\"id\":\"c1\",\"status\":\"RUNNING\",\"config\":\"MMc\","
            + "\"repoUrl\":\"file:///p\",\"commit\":\"0123abcd\",\"runs\":{\"total\":62,\"pending\":2,"
            + "\"running\":2,\"succeeded\":58},\"until\":[\"queueingTime:mean ci95<=2%\",\"lifeTime:max ci95<=0.5\"],"
            + "\"maxRepetitions\":50,\"points\":{\"total\":4,\"open\":2,\"met\":1,\"budget\":1,\"noData\":0}}";

    private static String point(String rho, String state, int runs, String measures) {
        return "{\"itervars\":[{\"name\":\"rho\",\"value\":\"" + rho + "\"},{\"name\":\"n\",\"value\":\"2\"}],"
                + "\"state\":\"" + state + "\",\"runs\":" + runs + ",\"succeeded\":" + runs + ",\"failed\":0,"
                + "\"maxRuns\":50,\"measures\":[" + measures + "],\"evaluatedAt\":"
                + (measures.isEmpty() ? "null" : "\"2026-12-07T18:00:00Z\"") + "}";
    }

    private static String queueingTime(int count, double mean, double halfWidth, boolean met) {
        return "{\"target\":\"queueingTime:mean ci95<=2%\",\"name\":\"queueingTime:mean\",\"module\":"
                + "\"Queueing.sink\",\"count\":" + count + ",\"mean\":" + mean + ",\"halfWidth\":" + halfWidth
                + ",\"limit\":" + 0.02 * mean + ",\"met\":" + met + "}";
    }

    private static String lifeTime(int count, double mean, Double halfWidth, boolean met) {
        return "{\"target\":\"lifeTime:max ci95<=0.5\",\"name\":\"lifeTime:max\",\"module\":\"Queueing.sink\","
                + "\"count\":" + count + ",\"mean\":" + mean + ",\"halfWidth\":" + halfWidth + ",\"limit\":0.5,"
                + "\"met\":" + met + "}";
    }

    @Test
    void aCampaignWithTargetsShowsThemAndThePrecisionOfEachPoint() {
        scheduler.on("/campaigns/c1", Answer.json(TARGETED))
                .on("/campaigns/c1/points", Answer.json("["
                        + point("0.5", "MET", 6, queueingTime(6, 0.0123, 0.000172, true) + ","
                                + lifeTime(6, 3.2, 0.41, true)) + ","
                        + point("0.9", "OPEN", 4, queueingTime(4, 0.05, 0.0026, false) + ","
                                + lifeTime(1, 7.0, null, false)) + ","
                        + point("0.99", "BUDGET", 50, queueingTime(50, 0.031, 0.00093, false) + ","
                                + lifeTime(50, 9.5, 0.2, true)) + ","
                        + point("0.3", "OPEN", 2, "") + "]"));

        Cli.Result result = Cli.run("status", "c1", "--scheduler-url", scheduler.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("runs      62 total: 2 pending, 2 running, 0 queued on workers, 58 succeeded,"
                + " 0 failed\n"
                + "target    queueingTime:mean ci95<=2%\n"
                + "target    lifeTime:max ci95<=0.5\n"
                + "budget    50 repetitions per point\n"
                + "points    4 total: 1 within target, 2 open, 1 at budget, 0 without data\n"
                + "\n"
                + "precision of the 95% confidence intervals, half-width now against the limit:\n"
                + "POINT         RUNS   queueingTime:mean  lifeTime:max  STATE\n"
                + "rho=0.5 n=2   6/50   1.4% <= 2%         0.41 <= 0.5   met\n"
                + "rho=0.9 n=2   4/50   5.2% > 2%          1 value       open\n"
                + "rho=0.99 n=2  50/50  3% > 2%            0.2 <= 0.5    budget\n"
                + "rho=0.3 n=2   2/50   -                  -             open\n");
    }

    @Test
    void aSchedulerWithoutThePointsEndpointLeavesThePrecisionTableOut() {
        scheduler.on("/campaigns/c1", Answer.json(TARGETED));

        Cli.Result result = Cli.run("status", "c1", "--scheduler-url", scheduler.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).contains("target    queueingTime:mean ci95<=2%\n").doesNotContain("precision");
        assertThat(result.out().lines()).last()
                .isEqualTo("points    4 total: 1 within target, 2 open, 1 at budget, 0 without data");
    }

    @Test
    void aCampaignWithoutTargetsAsksForNoPoints() {
        scheduler.on("/campaigns/c1", Answer.json("{\"id\":\"c1\",\"status\":\"RUNNING\",\"config\":\"MMc\","
                + "\"runs\":{\"total\":24},\"until\":null,\"maxRepetitions\":null,\"points\":null}"));

        Cli.Result result = Cli.run("status", "c1", "--scheduler-url", scheduler.url());

        assertThat(result.out()).doesNotContain("target").doesNotContain("budget").doesNotContain("points")
                .doesNotContain("precision");
        assertThat(scheduler.requests()).extracting(Object::toString).containsExactly("/campaigns/c1");
    }

    @Test
    void helpNamesThePointStates() {
        Cli.Result help = Cli.run("status", "--help");

        assertThat(help.out().replaceAll("\\s+", " ")).contains("the 95% confidence interval's half-width now")
                .contains("within target (met), still getting repetitions (open), stopped at --max-repetitions"
                        + " (budget) or has no value of a targeted scalar (no data)")
                .doesNotContain("%%");
    }

    @Test
    void aCampaignNotBuiltYetHasNoImageLines() {
        scheduler.on("/campaigns/c1", Answer.json("{\"id\":\"c1\",\"status\":\"BUILDING\",\"config\":\"MMc\","
                + "\"repoUrl\":\"file:///p\",\"image\":null,\"runs\":{\"total\":0}}"));

        Cli.Result result = Cli.run("status", "c1", "--scheduler-url", scheduler.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("status    BUILDING").doesNotContain("image").doesNotContain("simulator");
    }
}
