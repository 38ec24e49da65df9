package io.simswarm.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
import io.simswarm.cli.text.Table;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code simswarm status [CAMPAIGN]}: all campaigns, or one in detail. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Show all campaigns, or the state of one campaign.")
public class StatusCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "CAMPAIGN", arity = "0..1", description = "Campaign id.")
    String campaignId;

    @Override
    public Integer call() {
        if (campaignId == null) {
            JsonNode campaigns = endpoints.client(Service.SCHEDULER).get("/campaigns");
            Table table = new Table(List.of("ID", "STATUS", "CONFIG", "DONE", "FAILED", "TOTAL", "CREATED"));
            for (JsonNode json : campaigns) {
                CampaignView campaign = CampaignView.of(json);
                table.add(List.of(campaign.id(), campaign.status(), campaign.config(),
                        String.valueOf(campaign.succeeded()), String.valueOf(campaign.failed()),
                        String.valueOf(campaign.total()), json.path("submittedAt").asText("-")));
            }
            System.out.print(table.isEmpty() ? "no campaigns yet\n" : table.render());
            return 0;
        }
        JsonNode json = endpoints.client(Service.SCHEDULER).get("/campaigns/" + campaignId);
        CampaignView campaign = CampaignView.of(json);
        System.out.printf("campaign  %s%nstatus    %s%nconfig    %s%nrepo      %s @ %s%nruns      %d total: "
                        + "%d pending, %d running, %d succeeded, %d failed%n",
                campaign.id(), campaign.status(), campaign.config(), json.path("repoUrl").asText("-"),
                json.path("commit").asText(json.path("ref").asText("-")), campaign.total(), campaign.pending(),
                campaign.running(), campaign.succeeded(), campaign.failed());
        if (campaign.error() != null) {
            System.out.println("error     " + campaign.error());
        }
        return 0;
    }
}
