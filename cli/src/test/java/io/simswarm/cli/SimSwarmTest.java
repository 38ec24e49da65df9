package io.simswarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimSwarmTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine cli = SimSwarm.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void helpExplainsWhatTheCommandDoesAndListsTheCommands() {
        assertThat(execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: simswarm").contains("simulation campaigns")
                .contains("run", "status", "runs", "logs", "cancel", "retry-failed", "results", "cluster");
    }

    @Test
    void unknownOptionIsAnErrorWithNonZeroExit() {
        assertThat(execute("--no-such-option")).isNotZero();
        assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    }

    @Test
    void serviceThatIsNotRunningIsOneLineNamingTheUrlAndHowToStartIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;

        int exit = execute("status", "--scheduler-url", url);

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("simswarm: cannot reach the scheduler service at " + url + " (connection refused or "
                        + "timed out); start the services with deploy/quickstart.sh, or point "
                        + "SIMSWARM_SCHEDULER_URL or --scheduler-url at them")
                .doesNotContain("Exception");
    }

    @Test
    void runOutsideAGitRepositoryWithoutRepoIsAUsageError(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        int exit = execute("run", "-C", dir.toString(), "-c", "General");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("is not inside a git repository").contains("--repo URL");
    }
}
