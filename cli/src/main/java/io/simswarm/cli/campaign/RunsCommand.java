package io.simswarm.cli.campaign;

import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
import io.simswarm.cli.text.JsonTable;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code simswarm runs CAMPAIGN}: one line per run. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the runs of a campaign: state, attempts, node, exit code, timings. "
                + "simswarm logs shows a run's output.")
public class RunsCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "CAMPAIGN", description = "Campaign id.")
    String campaignId;

    @Override
    public Integer call() {
        System.out.print(JsonTable.of(endpoints.client(Service.SCHEDULER).get("/campaigns/" + campaignId + "/runs"),
                List.of("error")).render());
        return 0;
    }
}
