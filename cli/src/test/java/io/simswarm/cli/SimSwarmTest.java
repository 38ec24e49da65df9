package io.simswarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimSwarmTest {

    @Test
    void helpExplainsWhatTheCommandDoes() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new SimSwarm());
        cli.setOut(new PrintWriter(out));

        int exit = cli.execute("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: simswarm").contains("simulation campaigns");
    }

    @Test
    void unknownOptionIsAnErrorWithNonZeroExit() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new SimSwarm());
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("--no-such-option");

        assertThat(exit).isNotZero();
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }
}
