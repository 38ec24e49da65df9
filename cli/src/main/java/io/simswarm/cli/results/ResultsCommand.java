package io.simswarm.cli.results;

import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.Service;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code simswarm results CAMPAIGN [KIND]}: one list of a campaign's results, as a table or CSV. */
@Command(name = "results", mixinStandardHelpOptions = true,
        description = {
            "Print the results of a campaign as the results service keeps them, as a table or as CSV.",
            "",
            "KIND is what to list: scalars (default: one row per run and scalar; with --aggregate one row per "
                + "parameter combination with count, mean, stddev, min, max and 95%% confidence half-width over "
                + "repetitions), statistics (fields and histogram bins), vectors (one summary row per vector), "
                + "runs (iteration variables and what each run stored) or params (module parameters). "
                + "Iteration variables are columns in the order of the ini file. Values undefined over one "
                + "repetition (stddev, confidence) are NaN.",
            "",
            "Filters are OMNeT++ patterns: ? and * within a dotted part, ** across dots, {a-z} sets.",
            ""
        })
public class ResultsCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    Endpoints endpoints;

    @Parameters(index = "0", paramLabel = "CAMPAIGN", description = "Campaign id.")
    String campaignId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "KIND", defaultValue = "scalars",
            converter = KindConverter.class,
            description = "scalars, statistics, vectors, runs or params (default: scalars).")
    ResultKind kind;

    @Option(names = "--config", paramLabel = "CONFIG_GLOB", description = "Only runs of these ini configurations.")
    String config;

    @Option(names = "--run", paramLabel = "RUN", description = "Only this run (its run number).")
    String run;

    @Option(names = "--module", paramLabel = "MODULE_GLOB", description = "Only these modules (e.g. '**.server[0]').")
    String module;

    @Option(names = "--name", paramLabel = "NAME_GLOB",
            description = "Only results with these names (e.g. 'served*').")
    String name;

    @Option(names = "--aggregate", description = "Scalars: aggregate across repetitions.")
    boolean aggregate;

    @Option(names = "--csv",
            description = "Print CSV (one header row, as pandas read_csv reads it) instead of a table.")
    boolean csv;

    @Override
    public Integer call() {
        ResultQuery query = new ResultQuery(campaignId, kind, config, run, module, name, aggregate);
        ResultRows rows = query.rows(endpoints.client(Service.RESULTS));
        PrintWriter out = spec.commandLine().getOut();
        if (csv) {
            out.print(rows.csv());
        } else {
            out.print(rows.isEmpty() ? "no " + kind.label() + " match\n" : rows.table().render());
        }
        out.flush();
        return 0;
    }

    /** Reads KIND case-insensitively and names the kinds when it is none of them. */
    static final class KindConverter implements CommandLine.ITypeConverter<ResultKind> {
        @Override
        public ResultKind convert(String value) {
            for (ResultKind kind : ResultKind.values()) {
                if (kind.label().equalsIgnoreCase(value)) {
                    return kind;
                }
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a kind of results; use scalars, "
                    + "statistics, vectors, runs or params");
        }
    }
}
