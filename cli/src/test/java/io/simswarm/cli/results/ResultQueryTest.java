package io.simswarm.cli.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.cli.CliException;
import org.junit.jupiter.api.Test;

class ResultQueryTest {

    @Test
    void passesEveryFilterAsAQueryParameterEncoded() {
        ResultQuery query = new ResultQuery("c1", ResultKind.SCALARS, "M*", "3", "**.queue[0]", "wait time:*", true);

        assertThat(query.path()).isEqualTo(
                "/campaigns/c1/scalars?config=M*&run=3&module=**.queue%5B0%5D&name=wait%20time%3A*&aggregate=true");
    }

    @Test
    void eachKindHasItsEndpoint() {
        for (ResultKind kind : ResultKind.values()) {
            assertThat(new ResultQuery("c1", kind, null, null, null, null, false).path())
                    .isEqualTo("/campaigns/c1/" + kind.label());
        }
        assertThat(new ResultQuery("c1", ResultKind.PARAMS, null, null, "**.source", "rate", false).path())
                .isEqualTo("/campaigns/c1/params?module=**.source&name=rate");
    }

    @Test
    void aggregateOfAnotherKindIsAUsageError() {
        assertThatThrownBy(() -> new ResultQuery("c1", ResultKind.VECTORS, null, null, null, null, true))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("--aggregate applies to scalars only, not to vectors");
    }

    @Test
    void runsHaveNoModuleOrNameToFilterBy() {
        assertThatThrownBy(() -> new ResultQuery("c1", ResultKind.RUNS, null, null, "**", null, false))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("runs have no module or name to filter by; use --config or --run");
    }

    @Test
    void summaryIsTheAggregatedScalarsOfANamePattern() {
        assertThat(ResultQuery.summary("c1", "mean*").path())
                .isEqualTo("/campaigns/c1/scalars?name=mean*&aggregate=true");
    }
}
