package io.simswarm.cli.results;

import io.simswarm.cli.http.ApiClient;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code simswarm results CAMPAIGN}: scalars of a campaign, per run or aggregated, as a table or CSV. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = "Print the scalars of a campaign, one row per run and scalar, or with --aggregate one row "
                + "per parameter combination (count, mean, stddev, min, max, 95%% confidence half-width over "
                + "repetitions).")
public class ResultsCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Parameters(paramLabel = "CAMPAIGN", description = "Campaign id.")
    String campaignId;

    @Option(names = "--scalars", paramLabel = "NAME_GLOB", description = "Scalar names to show (e.g. 'mean*').")
    String nameGlob;

    @Option(names = "--module", paramLabel = "MODULE_GLOB", description = "Modules to show (e.g. '**.server[0]').")
    String moduleGlob;

    @Option(names = "--aggregate", description = "Aggregate across repetitions.")
    boolean aggregate;

    @Option(names = "--csv", description = "Print CSV (one header row) instead of a table.")
    boolean csv;

    @Override
    public Integer call() {
        ApiClient results = endpoints.client(Service.RESULTS);
        ScalarQuery query = new ScalarQuery(campaignId, nameGlob, moduleGlob, aggregate);
        System.out.print(csv ? query.csv(results) : query.table(results));
        return 0;
    }
}
