package io.simswarm.scheduler.expansion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunNumbersTest {

    @Test
    void readsTheNumbersOmnetppPrintsEachWithALeadingSpace() {
        RunNumbers.Outcome outcome = RunNumbers.parse(" 6 7 8 9 10 11\nsimswarm-exit=0\n", "MMc", "$n==2");

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.runs()).containsExactly(6, 7, 8, 9, 10, 11);
    }

    @Test
    void ignoresOtherLinesAroundTheNumbers() {
        String output = "OMNeT++ Discrete Event Simulation\nLoading NED files from src: 12\n 0 1 2\nsimswarm-exit=0\n";

        assertThat(RunNumbers.parse(output, "General", null).runs()).containsExactly(0, 1, 2);
    }

    @Test
    void anEmptySelectionFailsNamingTheFilterAndConfig() {
        RunNumbers.Outcome outcome = RunNumbers.parse("\nsimswarm-exit=0\n", "MM1", "$rho>5");

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.error()).isEqualTo("The run filter '$rho>5' selects no run of config 'MM1'.");
    }

    @Test
    void anEmptyConfigWithoutFilterFailsNamingTheConfig() {
        assertThat(RunNumbers.parse("\nsimswarm-exit=0\n", "Empty", null).error())
                .isEqualTo("Config 'Empty' has no run.");
    }

    @Test
    void theSimulationsOwnErrorLineIsTheReason() {
        RunNumbers.Outcome outcome = RunNumbers.parse("<!> Error: No such config: Nope\nsimswarm-exit=1\n", "Nope",
                null);

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.error()).isEqualTo("Listing the runs of config 'Nope' failed: <!> Error: No such config: Nope");
    }

    @Test
    void aNonZeroExitWithoutErrorLineQuotesTheOutput() {
        RunNumbers.Outcome outcome = RunNumbers.parse("sh: 1: ./queueing: not found\nsimswarm-exit=127\n", "MM1",
                "0..3");

        assertThat(outcome.error()).isEqualTo("Listing the runs of config 'MM1' with run filter '0..3' failed: exit"
                + " code 127, output: sh: 1: ./queueing: not found");
    }

    @Test
    void outputWithoutTheExitLineIsAFailure() {
        assertThat(RunNumbers.parse(" 0 1\n", "MM1", null).error())
                .startsWith("Listing the runs of config 'MM1' ended without an exit status");
    }
}
