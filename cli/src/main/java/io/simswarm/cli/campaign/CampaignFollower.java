package io.simswarm.cli.campaign;

import static io.simswarm.cli.http.UrlParts.encode;

import io.simswarm.cli.CliException;
import io.simswarm.cli.http.ApiClient;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Reconnect;
import io.simswarm.cli.http.Service;
import io.simswarm.cli.http.ServiceUnavailableException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Follows a campaign to its end with a progress line, then reports it ({@link CampaignReport}): what
 * {@code simswarm run} does after submitting and {@code simswarm watch} does for a campaign already there. A service
 * that goes away meanwhile (a scheduler restart) is waited for with "reconnecting..." in the progress line, up to
 * the reconnect timeout. Ctrl-C asks whether to cancel the campaign on a terminal, and otherwise stops following.
 */
public final class CampaignFollower {

    private static final Duration CTRL_C_CHECK = Duration.ofMillis(100);

    private final Endpoints endpoints;
    private final FollowOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Terminal terminal;
    private final Clock clock;
    private final Reconnect.Pause pause;
    private final Duration reconnectTimeout;

    /** Reads and checks the settings it needs (reconnect timeout, service addresses) before anything is asked. */
    public CampaignFollower(Endpoints endpoints, FollowOptions options, PrintWriter out, PrintWriter err) {
        this(endpoints, options, out, err, Terminal.ofProcess(), Clock.systemUTC(),
                duration -> Thread.sleep(duration.toMillis()));
    }

    CampaignFollower(Endpoints endpoints, FollowOptions options, PrintWriter out, PrintWriter err, Terminal terminal,
            Clock clock, Reconnect.Pause pause) {
        this.endpoints = endpoints;
        this.options = options;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.pause = pause;
        this.reconnectTimeout = options.reconnectTimeout(endpoints.settings());
        endpoints.url(Service.SCHEDULER);
        endpoints.url(Service.RESULTS);
    }

    /** Follows campaign {@code id} to its end and reports it; the exit code is 0 only if every run succeeded. */
    public int follow(String id) {
        Reconnect reconnect = new Reconnect(reconnectTimeout,
                "campaign " + id + " goes on without this command; follow it again with: simswarm watch " + id,
                clock, pause);
        CampaignProgress progress = new CampaignProgress(out, terminal.interactive());
        CampaignView campaign;
        try (Terminal.CtrlC ctrlC = terminal.catchCtrlC()) {
            campaign = untilEnded(id, reconnect, progress, ctrlC);
        } finally {
            progress.finish();
        }
        return new CampaignReport(endpoints, options, out, err, reconnect, progress).report(campaign);
    }

    private CampaignView untilEnded(String id, Reconnect reconnect, CampaignProgress progress, Terminal.CtrlC ctrlC) {
        ApiClient scheduler = endpoints.client(Service.SCHEDULER);
        boolean headerShown = false;
        while (true) {
            Duration wait = options.poll();
            try {
                CampaignView campaign = CampaignView.of(scheduler.get("/campaigns/" + encode(id)));
                reconnect.succeeded();
                if (!headerShown) {
                    out.printf("campaign %s: config %s of %s at %s%n", campaign.id(), campaign.config(),
                            campaign.repoUrl(), campaign.ref() != null ? campaign.ref() : "the default branch");
                    headerShown = true;
                }
                progress.show(campaign, clock.instant());
                if (campaign.terminal()) {
                    return campaign;
                }
            } catch (ServiceUnavailableException away) {
                wait = reconnect.failed(away);
                progress.reconnecting(away.service(), reconnect.outage());
            }
            if (ctrlC.take()) {
                interrupted(id, scheduler, reconnect, progress);
            }
            pauseUnlessCtrlC(wait, ctrlC);
        }
    }

    private void interrupted(String id, ApiClient scheduler, Reconnect reconnect, CampaignProgress progress) {
        progress.finish();
        if (terminal.confirm("Cancel campaign " + id + "?")) {
            reconnect.run(() -> scheduler.post("/campaigns/" + encode(id) + "/cancel", null), progress::reconnecting);
            progress.finish();
            err.printf("campaign %s cancelled%n", id);
            throw new CliException("cancelled by the user", 130);
        }
        if (!terminal.interactive()) {
            throw new CliException("stopped following campaign " + id + "; it keeps running: simswarm watch " + id,
                    130);
        }
        out.println("continuing; the campaign keeps running either way (simswarm watch " + id + ")");
    }

    /** Waits {@code wait}, cut short by Ctrl-C. */
    private void pauseUnlessCtrlC(Duration wait, Terminal.CtrlC ctrlC) {
        Instant until = clock.instant().plus(wait);
        try {
            for (Instant now = clock.instant(); now.isBefore(until) && !ctrlC.isPressed(); now = clock.instant()) {
                Duration left = Duration.between(now, until);
                pause.sleep(left.compareTo(CTRL_C_CHECK) < 0 ? left : CTRL_C_CHECK);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", 130);
        }
    }
}
