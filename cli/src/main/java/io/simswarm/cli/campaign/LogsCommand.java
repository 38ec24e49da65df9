package io.simswarm.cli.campaign;

import static io.simswarm.cli.http.UrlParts.encode;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.CliException;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code simswarm logs CAMPAIGN RUN}: the run's output. A run whose results were stored has its whole
 * {@code .out} file in the results service; a failed run has the tail the scheduler kept. A run number the campaign
 * does not have is named with the run numbers it has.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the output (stdout and stderr) of one run of a campaign.")
public class LogsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "Campaign id.")
    String campaignId;

    @Parameters(index = "1", paramLabel = "RUN", description = "Run number.")
    int runNumber;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String campaign = "/campaigns/" + encode(campaignId);
        try {
            out.print(endpoints.client(Service.RESULTS).text(campaign + "/runs/" + runNumber + "/log", "text/plain"));
            out.flush();
            return 0;
        } catch (CliException notStored) {
            if (notStored.exitCode() != 4) {
                throw notStored;
            }
        }
        JsonNode runs = endpoints.client(Service.SCHEDULER).get(campaign + "/runs");
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode run : runs) {
            numbers.add(run.path("runNumber").asInt());
            if (run.path("runNumber").asInt(-1) != runNumber) {
                continue;
            }
            if (run.path("error").asText("").isBlank()) {
                throw new CliException("run " + runNumber + " of campaign " + campaignId + " has no output yet (it "
                        + "is " + run.path("state").asText("?") + ")", 4);
            }
            out.println("(the run stored no results; what the scheduler kept of its latest attempt:)");
            out.println(run.path("error").asText().stripTrailing());
            out.flush();
            return 0;
        }
        throw new CliException(numbers.isEmpty()
                ? "campaign " + campaignId + " has no runs yet, so no run " + runNumber
                : "campaign " + campaignId + " has no run " + runNumber + "; its runs are "
                        + RunNumbers.ranges(numbers),
                4);
    }
}
