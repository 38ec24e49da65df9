package io.simswarm.cli.campaign;

import static io.simswarm.cli.http.UrlParts.encode;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.CliException;
import io.simswarm.cli.http.ApiClient;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
import io.simswarm.cli.http.ServiceUnavailableException;
import io.simswarm.cli.text.Table;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simswarm status [CAMPAIGN]}: all campaigns, or one in detail. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show all campaigns, or one campaign in detail: its state, repository and commit, how long "
                + "its build, expansion into runs and running took, and its run counts. For a campaign run with "
                + "--until, also its targets and the precision of each parameter point: the 95%% confidence "
                + "interval's half-width now against its limit, the repetitions so far and whether the point is "
                + "within target (met), still getting repetitions (open), stopped at --max-repetitions (budget) or "
                + "has no value of a targeted scalar (no data).")
public class StatusCommand implements Callable<Integer> {

    /** The exit code of a 404 answer ({@link ApiClient}). */
    private static final int NOT_FOUND = 4;

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "CAMPAIGN", arity = "0..1", description = "Campaign id.")
    String campaignId;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (campaignId == null) {
            out.print(list());
        } else {
            ApiClient scheduler = endpoints.client(Service.SCHEDULER);
            JsonNode campaign = scheduler.get("/campaigns/" + encode(campaignId));
            out.print(detail(campaign));
            if (!campaign.path("until").isEmpty()) {
                JsonNode points = points(scheduler);
                if (points != null && points.isArray()) {
                    out.print("\n" + PrecisionTable.of(points));
                }
            }
        }
        out.flush();
        return 0;
    }

    private String list() {
        JsonNode campaigns = endpoints.client(Service.SCHEDULER).get("/campaigns");
        Table table = new Table(List.of("ID", "STATUS", "CONFIG", "DONE", "FAILED", "TOTAL", "CREATED"));
        for (JsonNode json : campaigns) {
            CampaignView campaign = CampaignView.of(json);
            table.add(List.of(campaign.id(), campaign.status(), campaign.config(),
                    String.valueOf(campaign.succeeded()), String.valueOf(campaign.failed()),
                    String.valueOf(campaign.total()), json.path("submittedAt").asText("-")));
        }
        return table.isEmpty() ? "no campaigns yet\n" : table.render();
    }

    private static String detail(JsonNode json) {
        CampaignView campaign = CampaignView.of(json);
        StringBuilder text = new StringBuilder();
        line(text, "campaign", campaign.id());
        line(text, "status", campaign.status());
        line(text, "config", campaign.config());
        line(text, "repo", json.path("repoUrl").asText("-") + " @ "
                + json.path("commit").asText(json.path("ref").asText("-")));
        if (json.hasNonNull("image")) {
            line(text, "image", json.path("image").asText() + (json.hasNonNull("imageDigest")
                    ? " (" + json.path("imageDigest").asText() + ")" : ""));
        }
        if (json.hasNonNull("simulatorVersion")) {
            line(text, "simulator", json.path("simulatorVersion").asText());
        }
        for (CampaignPhases.Phase phase : CampaignPhases.of(campaign, Instant.now())) {
            line(text, phase.name(), phase.shown());
        }
        line(text, "runs", String.format("%d total: %d pending, %d running, %d queued on workers, %d succeeded, %d failed",
                campaign.total(), campaign.pending(), campaign.running(), campaign.queued(), campaign.succeeded(),
                campaign.failed()));
        if (campaign.error() != null) {
            line(text, "error", campaign.error());
        }
        json.path("until").forEach(target -> line(text, "target", target.asText()));
        if (json.hasNonNull("maxRepetitions")) {
            line(text, "budget", json.path("maxRepetitions").asInt() + " repetitions per point");
        }
        CampaignView.Points points = campaign.points();
        if (points != null) {
            line(text, "points", String.format("%d total: %d within target, %d open, %d at budget, %d without data",
                    points.total(), points.met(), points.open(), points.budget(), points.noData()));
        }
        JsonNode estimate = json.path("estimate");
        if (json.path("actual").isObject()) {
            line(text, "took", EstimateText.versus(estimate, json.path("actual")));
        } else if (estimate.isObject()) {
            EstimateText.lines(estimate).forEach(l -> line(text, l[0].equals("note") ? "estimate" : l[0], l[1]));
        }
        return text.toString();
    }

    /** The precision of the campaign's points, or null from a scheduler that is away or does not offer it (404). */
    private JsonNode points(ApiClient scheduler) {
        try {
            return scheduler.get("/campaigns/" + encode(campaignId) + "/points");
        } catch (ServiceUnavailableException away) {
            return null;
        } catch (CliException refused) {
            if (refused.exitCode() == NOT_FOUND) {
                return null;
            }
            throw refused;
        }
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-10s%s%n", label, value));
    }
}
