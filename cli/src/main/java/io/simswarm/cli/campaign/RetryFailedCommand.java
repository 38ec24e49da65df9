package io.simswarm.cli.campaign;

import static io.simswarm.cli.http.UrlParts.encode;

import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simswarm retry-failed CAMPAIGN}. */
@Command(name = "retry-failed", mixinStandardHelpOptions = true,
        description = "Run the failed runs of a campaign again, with a fresh retry budget.")
public class RetryFailedCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "CAMPAIGN", description = "Campaign id.")
    String campaignId;

    @Override
    public Integer call() {
        CampaignView campaign = CampaignView.of(
                endpoints.client(Service.SCHEDULER).post("/campaigns/" + encode(campaignId) + "/retry-failed", null));
        spec.commandLine().getOut().printf("campaign %s %s: %d runs to do again (follow with: simswarm watch %s)%n",
                campaignId, campaign.status(), campaign.pending(), campaignId);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
