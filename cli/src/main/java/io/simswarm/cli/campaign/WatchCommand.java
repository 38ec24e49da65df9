package io.simswarm.cli.campaign;

import io.simswarm.cli.http.Endpoints;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simswarm watch CAMPAIGN}: follow a campaign submitted earlier, as {@code simswarm run} does. */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {
            "Follow a campaign, running or already ended, the way 'simswarm run' follows the one it submits: the "
                + "progress line until it ends, then the download of the result files (-o, default: the folder "
                + "results), the summary and the failed runs. Exit code 0 only if every run succeeded.",
            "",
            "For a campaign submitted with --detach, or a 'simswarm run' that was stopped or lost its connection. "
                + "A service that goes away meanwhile is waited for up to --reconnect-timeout; Ctrl-C asks whether "
                + "to cancel the campaign.",
            ""
        })
public class WatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Mixin
    FollowOptions follow;

    @Parameters(paramLabel = "CAMPAIGN", description = "Campaign id (simswarm status lists them).")
    String campaignId;

    @Override
    public Integer call() {
        return new CampaignFollower(endpoints, follow, spec.commandLine().getOut(), spec.commandLine().getErr())
                .follow(campaignId);
    }
}
