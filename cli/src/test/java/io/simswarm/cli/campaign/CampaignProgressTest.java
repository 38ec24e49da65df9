package io.simswarm.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.cli.http.Service;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CampaignProgressTest {

    private static final Instant START = Instant.parse("2026-11-25T10:00:00Z");

    private final StringWriter text = new StringWriter();
    private final CampaignProgress progress = new CampaignProgress(new PrintWriter(text), false);

    static CampaignView campaign(String status, int pending, int running, int succeeded, int failed) throws Exception {
        return CampaignView.of(new ObjectMapper().readTree(String.format(
                "{\"id\":\"c1\",\"status\":\"%s\",\"submittedAt\":\"%s\",\"runs\":{\"total\":%d,\"pending\":%d,"
                        + "\"running\":%d,\"succeeded\":%d,\"failed\":%d}}", status, START,
                pending + running + succeeded + failed, pending, running, succeeded, failed)));
    }

    @Test
    void showsTheStateWhileBuildingWithTheTimeSinceSubmission() throws Exception {
        assertThat(progress.line(campaign("BUILDING", 0, 0, 0, 0), START.plusSeconds(12)))
                .isEqualTo("building  elapsed 0:12");
    }

    @Test
    void countsRunsAndEstimatesTheTimeLeftFromTheRateSoFar() throws Exception {
        progress.line(campaign("RUNNING", 24, 0, 0, 0), START.plusSeconds(10));

        String line = progress.line(campaign("RUNNING", 10, 2, 11, 1), START.plusSeconds(40));

        assertThat(line).isEqualTo("runs 12/24 done, 2 running, 1 failed  elapsed 0:40  ETA 0:30");
    }

    @Test
    void countsTheRunsQueuedInWorkersBatchesApartFromTheRunning() throws Exception {
        CampaignView batched = CampaignView.of(new ObjectMapper().readTree(String.format(
                "{\"id\":\"c1\",\"status\":\"RUNNING\",\"submittedAt\":\"%s\",\"runs\":{\"total\":24,"
                        + "\"pending\":10,\"running\":2,\"queued\":8,\"succeeded\":4,\"failed\":0}}", START)));

        assertThat(progress.line(batched, START.plusSeconds(20)))
                .isEqualTo("runs 4/24 done, 2 running (8 more queued on workers), 0 failed  elapsed 0:20");
    }

    static CampaignView targeted(int total, int succeeded, String points) throws Exception {
        return CampaignView.of(new ObjectMapper().readTree(String.format(
                "{\"id\":\"c1\",\"status\":\"RUNNING\",\"submittedAt\":\"%s\",\"runs\":{\"total\":%d,"
                        + "\"pending\":%d,\"running\":2,\"succeeded\":%d,\"failed\":0},\"points\":%s}", START,
                total, total - succeeded - 2, succeeded, points)));
    }

    @Test
    void withTargetsCountsThePointsWithinTargetInsteadOfTheTimeLeftAsTheTotalGrows() throws Exception {
        progress.line(targeted(6, 0, "{\"total\":3,\"open\":3,\"met\":0,\"budget\":0,\"noData\":0}"),
                START.plusSeconds(10));

        String line = progress.line(targeted(9, 6, "{\"total\":3,\"open\":1,\"met\":2,\"budget\":0,"
                + "\"noData\":0}"), START.plusSeconds(40));

        assertThat(line).isEqualTo("runs 6/9 done, 2 running, 0 failed, points 2/3 within target  elapsed 0:40");
    }

    @Test
    void withTargetsNamesThePointsThatWillNotGetThere() throws Exception {
        String line = progress.line(targeted(100, 98, "{\"total\":4,\"open\":0,\"met\":1,\"budget\":2,"
                + "\"noData\":1}"), START.plusSeconds(61));

        assertThat(line).isEqualTo("runs 98/100 done, 2 running, 0 failed, points 1/4 within target, 2 at budget, "
                + "1 without data  elapsed 1:01");
    }

    @Test
    void withoutATerminalAPointReachingItsTargetIsANewLine() throws Exception {
        progress.show(targeted(9, 6, "{\"total\":3,\"open\":2,\"met\":1}"), START.plusSeconds(1));
        progress.show(targeted(9, 6, "{\"total\":3,\"open\":1,\"met\":2}"), START.plusSeconds(2));

        assertThat(text.toString().lines()).containsExactly(
                "runs 6/9 done, 2 running, 0 failed, points 1/3 within target  elapsed 0:01",
                "runs 6/9 done, 2 running, 0 failed, points 2/3 within target  elapsed 0:02");
    }

    @Test
    void attachedToARunningCampaignEstimatesFromTheRunsEndedSinceThen() throws Exception {
        progress.line(campaign("RUNNING", 10, 2, 12, 0), START.plusSeconds(100));

        String first = progress.line(campaign("RUNNING", 10, 2, 12, 0), START.plusSeconds(105));
        String later = progress.line(campaign("RUNNING", 6, 2, 16, 0), START.plusSeconds(110));

        assertThat(first).isEqualTo("runs 12/24 done, 2 running, 0 failed  elapsed 1:45");
        assertThat(later).isEqualTo("runs 16/24 done, 2 running, 0 failed  elapsed 1:50  ETA 0:20");
    }

    @Test
    void withoutATerminalPrintsALineOnlyWhenSomethingBesidesTheClockChanged() throws Exception {
        progress.show(campaign("BUILDING", 0, 0, 0, 0), START.plusSeconds(1));
        progress.show(campaign("BUILDING", 0, 0, 0, 0), START.plusSeconds(2));
        progress.show(campaign("EXPANDING", 0, 0, 0, 0), START.plusSeconds(3));

        assertThat(text.toString().lines()).containsExactly("building  elapsed 0:01", "expanding elapsed 0:03");
    }

    @Test
    void withoutATerminalReconnectingIsALineOfItsOwnAtEveryTryAndTheProgressGoesOnAfterwards() throws Exception {
        progress.show(campaign("RUNNING", 4, 2, 0, 0), START.plusSeconds(1));
        progress.reconnecting(Service.SCHEDULER, Duration.ZERO);
        progress.reconnecting(Service.SCHEDULER, Duration.ofSeconds(3));
        progress.show(campaign("RUNNING", 4, 2, 0, 0), START.plusSeconds(9));

        assertThat(text.toString().lines()).containsExactly(
                "runs 0/6 done, 2 running, 0 failed  elapsed 0:01",
                "reconnecting to the scheduler service... (0 s)",
                "reconnecting to the scheduler service... (3 s)",
                "runs 0/6 done, 2 running, 0 failed  elapsed 0:09");
    }

    @Test
    void onATerminalTheLineIsRedrawnInPlaceAndFinishedWithANewLine() throws Exception {
        CampaignProgress onTerminal = new CampaignProgress(new PrintWriter(text), true);

        onTerminal.show(campaign("RUNNING", 4, 2, 0, 0), START.plusSeconds(1));
        onTerminal.reconnecting(Service.SCHEDULER, Duration.ofSeconds(7));
        onTerminal.show(campaign("SUCCEEDED", 0, 0, 6, 0), START.plusSeconds(20));
        onTerminal.finish();
        onTerminal.finish();

        assertThat(text.toString()).isEqualTo("\rruns 0/6 done, 2 running, 0 failed  elapsed 0:01"
                + "\rreconnecting to the scheduler service... (7 s)  "
                + "\rruns 6/6 done, 0 running, 0 failed  elapsed 0:20\n");
    }

    @Test
    void terminalStatesAreRecognised() throws Exception {
        assertThat(campaign("SUCCEEDED", 0, 0, 3, 0).terminal()).isTrue();
        assertThat(campaign("CANCELLED", 1, 0, 2, 0).terminal()).isTrue();
        assertThat(campaign("RUNNING", 1, 0, 2, 0).terminal()).isFalse();
        assertThat(campaign("SUCCEEDED", 0, 0, 3, 0).allSucceeded()).isTrue();
        assertThat(campaign("FAILED", 0, 0, 2, 1).allSucceeded()).isFalse();
    }
}
