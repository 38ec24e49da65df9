package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.cli.testing.Cli;
import io.simswarm.cli.testing.StandInService;
import io.simswarm.cli.testing.StandInService.Answer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@code simswarm status ID} says about the image a campaign runs, against a stand-in scheduler. */
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

    @Test
    void aCampaignNotBuiltYetHasNoImageLines() {
        scheduler.on("/campaigns/c1", Answer.json("{\"id\":\"c1\",\"status\":\"BUILDING\",\"config\":\"MMc\","
                + "\"repoUrl\":\"file:///p\",\"image\":null,\"runs\":{\"total\":0}}"));

        Cli.Result result = Cli.run("status", "c1", "--scheduler-url", scheduler.url());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("status    BUILDING").doesNotContain("image").doesNotContain("simulator");
    }
}
