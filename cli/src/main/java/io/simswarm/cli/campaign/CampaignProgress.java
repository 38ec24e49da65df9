package io.simswarm.cli.campaign;

import io.simswarm.cli.text.Durations;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * The live progress line of {@code simswarm run}: the campaign's state while it builds and expands, then
 * runs done / running / failed of the total, elapsed time and an estimate of the time left. On a terminal
 * the line is redrawn in place; otherwise a line is printed whenever it changes.
 */
public final class CampaignProgress {

    private final PrintStream out;
    private final boolean interactive;
    private final Instant submittedAt;
    private String lastLine = "";
    private Instant runsStartedAt;

    public CampaignProgress(PrintStream out, boolean interactive, Instant submittedAt) {
        this.out = out;
        this.interactive = interactive;
        this.submittedAt = submittedAt;
    }

    public void show(CampaignView campaign, Instant now) {
        String line = line(campaign, now);
        if (interactive) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
            out.flush();
            lastLine = line;
        } else if (!withoutClock(line).equals(withoutClock(lastLine))) {
            out.println(line);
            lastLine = line;
        }
    }

    /** Ends the in-place line so that what follows starts on a new line. */
    public void finish() {
        if (interactive && !lastLine.isEmpty()) {
            out.println();
        }
    }

    String line(CampaignView campaign, Instant now) {
        String elapsed = Durations.clock(Duration.between(submittedAt, now));
        if (campaign.total() == 0) {
            return String.format("%-9s elapsed %s", campaign.status().toLowerCase(), elapsed);
        }
        if (runsStartedAt == null) {
            runsStartedAt = now;
        }
        return String.format("runs %d/%d done, %d running, %d failed  elapsed %s%s", campaign.done(),
                campaign.total(), campaign.running(), campaign.failed(), elapsed, eta(campaign, now));
    }

    private String eta(CampaignView campaign, Instant now) {
        int done = campaign.done();
        if (done == 0 || campaign.terminal()) {
            return "";
        }
        Duration spent = Duration.between(runsStartedAt, now);
        Duration left = spent.multipliedBy(campaign.total() - done).dividedBy(done);
        return "  ETA " + Durations.clock(left);
    }

    private static String withoutClock(String line) {
        int elapsed = line.indexOf("elapsed");
        return elapsed < 0 ? line : line.substring(0, elapsed);
    }
}
