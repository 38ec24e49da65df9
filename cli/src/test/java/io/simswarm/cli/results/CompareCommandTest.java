package io.simswarm.cli.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.cli.testing.Cli;
import io.simswarm.cli.testing.StandInService;
import io.simswarm.cli.testing.StandInService.Answer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code simswarm compare} through the command line, against a stand-in results service. */
class CompareCommandTest {

    private StandInService results;

    @BeforeEach
    void start() throws IOException {
        results = new StandInService();
    }

    @AfterEach
    void stop() {
        results.close();
    }

    private Cli.Result compare(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "compare";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--results-url";
        all[args.length + 2] = results.url();
        return Cli.run(all);
    }

    @Test
    void printsTheVerdictsAndFailsWhenSomethingDiffers() {
        results.on("/compare", Answer.json("[{\"itervars\":{\"rho\":\"0.5\"},\"module\":\"Q.queue\","
                + "\"name\":\"queueingTime:mean\",\"countA\":4,\"meanA\":0.001,\"countB\":4,\"meanB\":0.009,"
                + "\"difference\":0.008,\"relativeDifference\":8.0,\"effectSize\":\"Infinity\",\"pValue\":0.0,"
                + "\"adjustedP\":0.0,\"verdict\":\"different\"},{\"itervars\":{\"rho\":\"0.5\"},\"module\":\"Q\","
                + "\"name\":\"duration\",\"countA\":4,\"meanA\":100,\"countB\":4,\"meanB\":100,\"difference\":0,"
                + "\"relativeDifference\":0,\"effectSize\":0,\"pValue\":1,\"adjustedP\":1,\"verdict\":\"same\"}]"));

        Cli.Result result = compare("c1", "c2", "--scalars", "*:mean", "--alpha", "0.01");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("queueingTime:mean", "different", "same")
                .endsWith("2 compared, 1 different, 1 same\n");
        assertThat(results.requests()).extracting(Object::toString)
                .containsExactly("/compare?a=c1&b=c2&scalars=*%3Amean&alpha=0.01");
    }

    @Test
    void exactNamesTheFirstDifference() {
        results.on("/compare", Answer.json("[{\"repetition\":0,\"itervars\":{\"rho\":\"0.5\"},\"module\":\"Q\","
                + "\"name\":\"served\",\"a\":12.0,\"b\":13.0},{\"repetition\":1,\"itervars\":{\"rho\":\"0.5\"},"
                + "\"module\":\"Q\",\"name\":\"extra\",\"a\":null,\"b\":1.0}]"));

        Cli.Result result = compare("c1", "c2", "--exact");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().lines()).containsExactly(
                "first difference: Q served at rho=0.5 repetition 0: 12 in A, 13 in B", "2 values differ");
        assertThat(results.requests()).extracting(Object::toString).containsExactly("/compare?a=c1&b=c2&exact=true");
    }

    @Test
    void identicalCampaignsPassAnExactComparison() {
        results.on("/compare", Answer.json("[]"));

        Cli.Result result = compare("c1", "c2", "--exact");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).startsWith("identical");
    }

    @Test
    void csvIsPrintedAsTheServiceWritesIt() {
        results.on("/compare", Answer.text(200, "text/csv", "module,name,verdict\r\nQ,duration,same\r\n"));

        Cli.Result result = compare("c1", "c2", "--csv");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("module,name,verdict\r\nQ,duration,same\r\n");
    }
}
