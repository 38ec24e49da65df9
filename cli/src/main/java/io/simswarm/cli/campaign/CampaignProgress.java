package io.simswarm.cli.campaign;

import io.simswarm.cli.http.Service;
import io.simswarm.cli.text.Durations;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;

/**
 * The live progress line of a followed campaign: the campaign's state while it builds and expands, then runs
 * done / running / failed of the total, the time since the campaign was submitted and an estimate of the time
 * left from the rate runs end at while it is watched. A campaign with precision targets ({@code --until}) shows the
 * parameter points within target instead of the time left, as its total grows while points add repetitions. While a
 * service is away, "reconnecting to the scheduler service... (N s)". On a terminal the line is redrawn in place;
 * otherwise a line is printed whenever it changes (a reconnecting line at every try).
 */
public final class CampaignProgress {

    private final PrintWriter out;
    private final boolean interactive;
    private Instant firstSeen;
    private String lastLine = "";
    private boolean open;
    private Instant runsStartedAt;
    private int doneWhenRunsStarted;

    /** Progress on {@code out}, redrawn in place when {@code interactive} (a terminal). */
    public CampaignProgress(PrintWriter out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    public void show(CampaignView campaign, Instant now) {
        String line = line(campaign, now);
        if (interactive || !withoutClock(line).equals(withoutClock(lastLine))) {
            print(line);
        }
    }

    /** Shows that a service is away and has been for {@code outage}. */
    public void reconnecting(Service service, Duration outage) {
        print("reconnecting to the " + service.key() + " service... (" + outage.toSeconds() + " s)");
    }

    /** Ends the in-place line so that what follows starts on a new line. */
    public void finish() {
        if (open) {
            out.println();
            out.flush();
            open = false;
            lastLine = "";
        }
    }

    String line(CampaignView campaign, Instant now) {
        if (firstSeen == null) {
            firstSeen = now;
        }
        Instant since = campaign.submittedAt() != null ? campaign.submittedAt() : firstSeen;
        String elapsed = Durations.clock(Duration.between(since, now));
        if (campaign.total() == 0) {
            return String.format("%-9s elapsed %s", campaign.status().toLowerCase(), elapsed);
        }
        if (runsStartedAt == null) {
            runsStartedAt = now;
            doneWhenRunsStarted = campaign.done();
        }
        String queued = campaign.queued() > 0 ? String.format(" (%d more queued on workers)", campaign.queued()) : "";
        if (campaign.points() != null) {
            return String.format("runs %d/%d done, %d running%s, %d failed, %s  elapsed %s", campaign.done(),
                    campaign.total(), campaign.running(), queued, campaign.failed(), points(campaign.points()), elapsed);
        }
        return String.format("runs %d/%d done, %d running%s, %d failed  elapsed %s%s", campaign.done(),
                campaign.total(), campaign.running(), queued, campaign.failed(), elapsed, eta(campaign, now));
    }

    /** The points within target, and those that will not get there (at the budget, without data) if any. */
    private static String points(CampaignView.Points points) {
        return String.format("points %d/%d within target", points.met(), points.total())
                + (points.budget() > 0 ? String.format(", %d at budget", points.budget()) : "")
                + (points.noData() > 0 ? String.format(", %d without data", points.noData()) : "");
    }

    /** The time left at the rate runs have ended since this progress first saw runs. */
    private String eta(CampaignView campaign, Instant now) {
        int doneSince = campaign.done() - doneWhenRunsStarted;
        if (doneSince <= 0 || campaign.terminal()) {
            return "";
        }
        Duration spent = Duration.between(runsStartedAt, now);
        Duration left = spent.multipliedBy(campaign.total() - campaign.done()).dividedBy(doneSince);
        return "  ETA " + Durations.clock(left);
    }

    private void print(String line) {
        if (interactive) {
            out.print("\r" + line + " ".repeat(Math.max(0, lastLine.length() - line.length())));
            open = true;
        } else {
            out.println(line);
        }
        out.flush();
        lastLine = line;
    }

    private static String withoutClock(String line) {
        int elapsed = line.indexOf("elapsed");
        return elapsed < 0 ? line : line.substring(0, elapsed);
    }
}
