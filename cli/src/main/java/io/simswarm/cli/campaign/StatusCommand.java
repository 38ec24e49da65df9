package io.simswarm.cli.campaign;

import static io.simswarm.cli.http.UrlParts.encode;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
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
                + "its build, expansion into runs and running took, and its run counts.")
public class StatusCommand implements Callable<Integer> {

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
            out.print(detail(endpoints.client(Service.SCHEDULER).get("/campaigns/" + encode(campaignId))));
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
        JsonNode estimate = json.path("estimate");
        if (json.path("actual").isObject()) {
            line(text, "took", EstimateText.versus(estimate, json.path("actual")));
        } else if (estimate.isObject()) {
            EstimateText.lines(estimate).forEach(l -> line(text, l[0].equals("note") ? "estimate" : l[0], l[1]));
        }
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-10s%s%n", label, value));
    }
}
