package io.simswarm.cli.campaign;

import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code simswarm retry-failed CAMPAIGN}. */
@Command(name = "retry-failed", mixinStandardHelpOptions = true,
        description = "Run the failed runs of a campaign again, with a fresh retry budget.")
public class RetryFailedCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "CAMPAIGN", description = "Campaign id.")
    String campaignId;

    @Override
    public Integer call() {
        CampaignView campaign = CampaignView.of(
                endpoints.client(Service.SCHEDULER).post("/campaigns/" + campaignId + "/retry-failed", null));
        System.out.printf("campaign %s %s: %d runs to do again (follow with: simswarm status %s)%n", campaignId,
                campaign.status(), campaign.pending(), campaignId);
        return 0;
    }
}
