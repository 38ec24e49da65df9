package io.simswarm.cli.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.cli.testing.Cli;
import io.simswarm.cli.testing.StandInService;
import io.simswarm.cli.testing.StandInService.Answer;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code simswarm results} through the command line, against a stand-in results service. */
class ResultsCommandTest {

    private StandInService results;

    @BeforeEach
    void start() throws IOException {
        results = new StandInService()
                .on("/campaigns/c1/scalars", Answer.json("[{\"run\":0,\"config\":\"MMc\","
                        + "\"itervars\":{\"rho\":\"0.5\"},"
                        + "\"module\":\"Q\",\"name\":\"served\",\"value\":12.0,\"attributes\":null}]"))
                .on("/campaigns/c1/params", Answer.json("[{\"run\":0,\"config\":\"MMc\",\"module\":\"Queueing.source\","
                        + "\"name\":\"rate\",\"value\":\"1000\",\"itervars\":{\"rho\":\"0.5\"}}]"))
                .on("/campaigns/c1/vectors", Answer.json("[]"));
    }

    @AfterEach
    void stop() {
        results.close();
    }

    private Cli.Result results(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--results-url";
        all[args.length + 1] = results.url();
        return Cli.run(all);
    }

    @Test
    void scalarsAreTheDefaultKind() {
        Cli.Result scalars = results("results", "c1");

        assertThat(scalars.exitCode()).isZero();
        assertThat(scalars.out().lines()).containsExactly(
                "run  config  rho  module  name    value",
                "  0  MMc     0.5  Q       served     12");
    }

    @Test
    void paramsKeepTheServicesColumnOrderWithFiltersAsQueryParameters() {
        Cli.Result params = results("results", "c1", "params", "--config", "MMc", "--run", "0", "--module",
                "**.source", "--name", "rate", "--csv");

        assertThat(params.exitCode()).as(params.err()).isZero();
        assertThat(params.out())
                .isEqualTo("run,config,module,name,value,rho\r\n0,MMc,Queueing.source,rate,1000,0.5\r\n");
        assertThat(results.requests()).extracting(Object::toString)
                .containsExactly("/campaigns/c1/params?config=MMc&run=0&module=**.source&name=rate");
    }

    @Test
    void anEmptyListSaysSo() {
        Cli.Result vectors = results("results", "c1", "vectors");

        assertThat(vectors.out()).isEqualTo("no vectors match\n");
    }

    @Test
    void unknownKindNamesTheKinds() {
        Cli.Result result = results("results", "c1", "histograms");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).hasSize(2).first().asString()
                .contains("'histograms' is not a kind of results; use scalars, statistics, vectors, runs or params");
    }

    @Test
    void filtersTheListDoesNotHaveAreOneLineAndNothingIsAsked() {
        Cli.Result aggregated = results("results", "c1", "statistics", "--aggregate");
        Cli.Result runsByName = results("results", "c1", "runs", "--name", "x");

        assertThat(aggregated.exitCode()).isEqualTo(2);
        assertThat(aggregated.err().lines())
                .containsExactly("simswarm: --aggregate applies to scalars only, not to statistics");
        assertThat(runsByName.err().lines())
                .containsExactly("simswarm: runs have no module or name to filter by; use --config or --run");
        assertThat(results.requests()).isEmpty();
    }
}
