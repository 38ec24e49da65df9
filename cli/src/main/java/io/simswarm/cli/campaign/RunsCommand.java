package io.simswarm.cli.campaign;

import static io.simswarm.cli.http.UrlParts.encode;

import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
import io.simswarm.cli.text.JsonTable;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simswarm runs CAMPAIGN}: one line per run. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List the runs of a campaign: state, attempts, node, exit code, timings. "
                + "simswarm logs shows a run's output.")
public class RunsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "CAMPAIGN", description = "Campaign id.")
    String campaignId;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(JsonTable.of(
                endpoints.client(Service.SCHEDULER).get("/campaigns/" + encode(campaignId) + "/runs"),
                List.of("error")).render());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
