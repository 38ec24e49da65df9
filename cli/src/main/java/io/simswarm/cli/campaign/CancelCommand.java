package io.simswarm.cli.campaign;

import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code simswarm cancel CAMPAIGN}. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a campaign: stop its runs; results stored so far are kept.")
public class CancelCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "CAMPAIGN", description = "Campaign id.")
    String campaignId;

    @Override
    public Integer call() {
        CampaignView campaign = CampaignView.of(
                endpoints.client(Service.SCHEDULER).post("/campaigns/" + campaignId + "/cancel", null));
        System.out.printf("campaign %s %s%n", campaignId, campaign.status());
        return 0;
    }
}
