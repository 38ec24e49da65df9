package io.simswarm.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.CliException;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code simswarm logs CAMPAIGN RUN}: the run's output. A run whose results were stored has its whole
 * {@code .out} file in the results service; a failed run has the tail the scheduler kept.
 */
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print the output (stdout and stderr) of one run of a campaign.")
public class LogsCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "Campaign id.")
    String campaignId;

    @Parameters(index = "1", paramLabel = "RUN", description = "Run number.")
    int runNumber;

    @Override
    public Integer call() {
        try {
            System.out.print(endpoints.client(Service.RESULTS)
                    .text("/campaigns/" + campaignId + "/runs/" + runNumber + "/log", "text/plain"));
            return 0;
        } catch (CliException notStored) {
            if (notStored.exitCode() != 4) {
                throw notStored;
            }
        }
        JsonNode runs = endpoints.client(Service.SCHEDULER).get("/campaigns/" + campaignId + "/runs");
        for (JsonNode run : runs) {
            if (run.path("runNumber").asInt(-1) == runNumber && !run.path("error").asText("").isBlank()) {
                System.out.println("(the run stored no results; what the scheduler kept of its latest attempt:)");
                System.out.println(run.path("error").asText().stripTrailing());
                return 0;
            }
        }
        throw new CliException("run " + runNumber + " of campaign " + campaignId + " has no output yet");
    }
}
