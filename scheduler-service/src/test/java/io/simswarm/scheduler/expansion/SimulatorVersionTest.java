package io.simswarm.scheduler.expansion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimulatorVersionTest {

    @Test
    void omnetppsVersionLineBecomesItsVersionAndBuildWithoutTheEdition() {
        String answer = """
                OMNeT++ Discrete Event Simulation  (C) 1992-2024 Andras Varga, OpenSim Ltd.
                Version: 6.1, build: 241008-f7568267cd, edition: Academic Public License -- NOT FOR COMMERCIAL USE
                See the license for distribution terms and warranty disclaimer
                """;

        assertThat(SimulatorVersion.of(answer)).isEqualTo("OMNeT++ 6.1, build: 241008-f7568267cd");
    }

    @Test
    void anotherProgramsFirstLineIsTakenAsItIs() {
        assertThat(SimulatorVersion.of("\n  queueing 1.0 (SimSwarm example)\nmore\n"))
                .isEqualTo("queueing 1.0 (SimSwarm example)");
        assertThat(SimulatorVersion.of("mysim\nVersion: 2.3\n")).as("a version line without OMNeT++'s banner")
                .isEqualTo("2.3");
    }

    @Test
    void nothingPrintedIsNoVersion() {
        assertThat(SimulatorVersion.of("")).isNull();
        assertThat(SimulatorVersion.of(" \n\t\n")).isNull();
    }

    @Test
    void coloursAndControlCharactersAreDroppedAndALongLineIsCut() {
        assertThat(SimulatorVersion.of("\u001B[1mbold\u001B[0m 1.0\r\n")).isEqualTo("bold 1.0");
        assertThat(SimulatorVersion.of("v".repeat(500))).hasSize(SimulatorVersion.MAX_LENGTH);
    }
}
