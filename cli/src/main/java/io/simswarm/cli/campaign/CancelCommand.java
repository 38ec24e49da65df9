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

/** {@code simswarm cancel CAMPAIGN}. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel a campaign: stop its runs; results stored so far are kept.")
public class CancelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "CAMPAIGN", description = "Campaign id.")
    String campaignId;

    @Override
    public Integer call() {
        CampaignView campaign = CampaignView.of(
                endpoints.client(Service.SCHEDULER).post("/campaigns/" + encode(campaignId) + "/cancel", null));
        spec.commandLine().getOut().printf("campaign %s %s%n", campaignId, campaign.status());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
