package io.simswarm.cli.campaign;

import static io.simswarm.cli.http.UrlParts.encode;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.http.ApiClient;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Reconnect;
import io.simswarm.cli.http.Service;
import io.simswarm.cli.results.ResultQuery;
import io.simswarm.cli.results.ResultRows;
import io.simswarm.cli.results.ResultsDownload;
import io.simswarm.cli.text.Durations;
import java.io.PrintWriter;

/**
 * What {@code simswarm run} and {@code simswarm watch} print once a campaign has ended: its outcome (with precision
 * targets, how its parameter points ended), the download of its result files, the summary table, and on stderr its
 * error and failed runs. Calls ride out an outage of a service like the following did.
 */
final class CampaignReport {

    private final Endpoints endpoints;
    private final FollowOptions options;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Reconnect reconnect;
    private final CampaignProgress progress;

    CampaignReport(Endpoints endpoints, FollowOptions options, PrintWriter out, PrintWriter err, Reconnect reconnect,
            CampaignProgress progress) {
        this.endpoints = endpoints;
        this.options = options;
        this.out = out;
        this.err = err;
        this.reconnect = reconnect;
        this.progress = progress;
    }

    /** Prints the report; the exit code: 0 only if every run succeeded. */
    int report(CampaignView campaign) {
        String took = campaign.duration() == null ? "-" : Durations.clock(campaign.duration());
        out.printf("campaign %s %s: %d of %d runs succeeded, %d failed, in %s%s%n", campaign.id(), campaign.status(),
                campaign.succeeded(), campaign.total(), campaign.failed(), took, points(campaign.points()));
        out.flush();
        if (campaign.error() != null) {
            err.println("error: " + campaign.error().stripTrailing());
            err.flush();
        }
        if (!options.noDownload && campaign.succeeded() > 0) {
            ApiClient results = endpoints.client(Service.RESULTS);
            int files = ResultsDownload.into(results, campaign.id(), options.output, reconnect, progress::reconnecting);
            progress.finish();
            out.printf("%d result files in %s%n", files, options.output);
        }
        if (campaign.succeeded() > 0) {
            printSummary(campaign.id());
        }
        if (campaign.failed() > 0) {
            printFailedRuns(campaign.id());
        }
        out.flush();
        err.flush();
        return campaign.allSucceeded() ? 0 : 1;
    }

    /** For a campaign with precision targets: how its points ended, after the run counts. */
    private static String points(CampaignView.Points points) {
        if (points == null) {
            return "";
        }
        return String.format("; %d of %d points within target, %d stopped at the repetition budget", points.met(),
                points.total(), points.budget())
                + (points.noData() > 0 ? String.format(", %d without data for a target", points.noData()) : "")
                + (points.open() > 0 ? String.format(", %d left open", points.open()) : "");
    }

    private void printSummary(String id) {
        if (options.summaryGlob == null) {
            out.printf("aggregated scalars: simswarm results %s --aggregate%n", id);
            return;
        }
        ApiClient results = endpoints.client(Service.RESULTS);
        ResultRows rows = reconnect.call(() -> ResultQuery.summary(id, options.summaryGlob).rows(results),
                progress::reconnecting);
        progress.finish();
        out.printf("%nscalars '%s', aggregated over repetitions:%n", options.summaryGlob);
        out.print(rows.isEmpty() ? "no scalars match\n" : rows.table().render());
    }

    private void printFailedRuns(String id) {
        ApiClient scheduler = endpoints.client(Service.SCHEDULER);
        JsonNode runs = reconnect.call(() -> scheduler.get("/campaigns/" + encode(id) + "/runs"),
                progress::reconnecting);
        progress.finish();
        for (JsonNode run : runs) {
            if ("FAILED".equals(run.path("state").asText())) {
                String error = run.path("error").asText("");
                String last = error.isBlank() ? "" : ": " + error.strip().lines().reduce((a, b) -> b).orElse("");
                err.printf("  run %d failed after %d attempts, exit code %s%s%n", run.path("runNumber").asInt(),
                        run.path("attempts").asInt(), run.path("exitCode").asText("-"), last);
            }
        }
        err.printf("logs of a run: simswarm logs %s RUN%n", id);
    }
}
