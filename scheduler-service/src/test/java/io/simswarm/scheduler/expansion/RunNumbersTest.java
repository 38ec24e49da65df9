package io.simswarm.scheduler.expansion;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.scheduler.run.Itervar;
import org.junit.jupiter.api.Test;

class RunNumbersTest {

    @Test
    void readsTheNumbersOmnetppPrintsEachWithALeadingSpace() {
        RunNumbers.Outcome outcome = RunNumbers.parse(" 6 7 8 9 10 11\nsimswarm-exit=0\n", "MMc", "$n==2");

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.runs()).containsExactly(6, 7, 8, 9, 10, 11);
    }

    @Test
    void readsTheOneLineOfTenThousandRuns() {
        String line = java.util.stream.IntStream.range(0, 10_008).mapToObj(r -> " " + r)
                .collect(java.util.stream.Collectors.joining());

        RunNumbers.Outcome outcome = RunNumbers.parse(line + "\nsimswarm-exit=0\n", "Quick", null);

        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.runs()).hasSize(10_008).startsWith(0, 1, 2).endsWith(10_007);
    }

    @Test
    void aRunNumberBeyondWhatACampaignHoldsFailsTheExpansionWithASentence() {
        RunNumbers.Outcome outcome = RunNumbers.parse(" 1 99999999999\nsimswarm-exit=0\n", "MM1", null);

        assertThat(outcome.failed()).isTrue();
        assertThat(outcome.error()).isEqualTo("Listing the runs of config 'MM1' printed the run number 99999999999,"
                + " beyond what a campaign can hold.");
    }

    @Test
    void aLineOfNumbersAndWordsIsNotARunList() {
        assertThat(RunNumbers.wholeNumbers(" 1 2 3x")).isEmpty();
        assertThat(RunNumbers.wholeNumbers("Run 3: $x=1")).isEmpty();
        assertThat(RunNumbers.wholeNumbers("\t4  5\t")).containsExactly("4", "5");
        assertThat(RunNumbers.wholeNumbers("   ")).isEmpty();
    }

    @Test
    void readsEachListedRunsIterationVariablesInOmnetppsOrder() {
        String output = """
                simswarm-runs-begin
                Run 6: $n=2, $rho=0.5, $repetition=0
                Run 7: $n=2, $rho=0.5, $repetition=1
                simswarm-runs-end
                 6 7 8
                simswarm-exit=0
                """;

        RunNumbers.Outcome outcome = RunNumbers.parse(output, "MMc", null);

        assertThat(outcome.runs()).containsExactly(6, 7, 8);
        assertThat(outcome.itervars()).containsOnlyKeys(6, 7);
        assertThat(outcome.itervars().get(7)).containsExactly(new Itervar("n", "2"), new Itervar("rho", "0.5"),
                new Itervar("repetition", "1"));
    }

    @Test
    void readsTheVersionTheProgramReportedBeforeTheListing() {
        String output = """
                simswarm-version-begin
                OMNeT++ Discrete Event Simulation  (C) 1992-2024 Andras Varga, OpenSim Ltd.
                Version: 6.1, build: 241008-f7568267cd, edition: Academic Public License -- NOT FOR COMMERCIAL USE
                See the license for distribution terms and warranty disclaimer
                simswarm-version-end
                simswarm-runs-begin
                Run 0: $repetition=0
                simswarm-runs-end
                 0
                simswarm-exit=0
                """;

        RunNumbers.Outcome outcome = RunNumbers.parse(output, "General", null);

        assertThat(outcome.simulatorVersion()).isEqualTo("OMNeT++ 6.1, build: 241008-f7568267cd");
        assertThat(outcome.runs()).containsExactly(0);
        assertThat(outcome.itervars().get(0)).containsExactly(new Itervar("repetition", "0"));
    }

    @Test
    void aProgramThatPrintsNothingForItsVersionLeavesItUnknown() {
        RunNumbers.Outcome outcome = RunNumbers.parse(
                "simswarm-version-begin\nsimswarm-version-end\n 1 2\nsimswarm-exit=0\n", "C", null);

        assertThat(outcome.simulatorVersion()).isNull();
        assertThat(outcome.runs()).containsExactly(1, 2);
    }

    @Test
    void keepsValuesAsPrintedWithTheirUnitsQuotesAndCommas() {
        assertThat(RunNumbers.variables("$st=0.5ms, $0=0.25, $proto=\"TCP\", $pair=\"a, b\", $x=k=v"))
                .containsExactly(new Itervar("st", "0.5ms"), new Itervar("0", "0.25"), new Itervar("proto", "\"TCP\""),
                        new Itervar("pair", "\"a, b\""), new Itervar("x", "k=v"));
        assertThat(RunNumbers.variables("")).isEmpty();
    }

    @Test
    void aListingThatSaysNothingLeavesTheRunsWithoutVariables() {
        String output = "simswarm-runs-begin\nsimswarm-runs-end\n 0 1\nsimswarm-exit=0\n";

        RunNumbers.Outcome outcome = RunNumbers.parse(output, "General", null);

        assertThat(outcome.runs()).containsExactly(0, 1);
        assertThat(outcome.itervars()).isEmpty();
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
