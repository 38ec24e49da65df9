package io.simswarm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.cli.testing.Cli;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a whole: help, usage errors and the errors every command shares, one line each. */
class SimSwarmTest {

    @Test
    void helpExplainsWhatTheCommandDoesAndListsTheCommands() {
        Cli.Result help = Cli.run("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: simswarm").contains("simulation campaigns")
                .contains("run", "watch", "status", "runs", "logs", "cancel", "retry-failed", "results", "cluster");
    }

    @Test
    void unknownOptionIsOneLineNamingItAndWhereTheOptionsAre() {
        Cli.Result result = Cli.run("--no-such-option");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("simswarm: Unknown option: '--no-such-option'",
                "Run 'simswarm --help' for its options.");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void usageErrorOfACommandNamesTheProblemAndTheCommandsHelpInsteadOfPrintingIt() {
        Cli.Result result = Cli.run("run", "-c", "MMc", "--summry", "x");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).hasSize(2).last()
                .isEqualTo("Run 'simswarm run --help' for its options.");
        assertThat(result.err().lines().findFirst().orElseThrow()).startsWith("simswarm: ")
                .contains("'--summry'").contains("did you mean --summary?");
    }

    @Test
    void missingOptionAndBadNumberAreUsageErrorsOfTheirSubcommand() {
        Cli.Result missing = Cli.run("run");
        Cli.Result notANumber = Cli.run("logs", "c1", "abc");
        Cli.Result nested = Cli.run("cluster", "resize", "inet");

        assertThat(missing.err().lines()).containsExactly("simswarm: Missing required option: '--config=CONFIG'",
                "Run 'simswarm run --help' for its options.");
        assertThat(notANumber.err().lines()).hasSize(2).first().asString().contains("'abc' is not an int");
        assertThat(nested.err().lines()).hasSize(2).last().isEqualTo(
                "Run 'simswarm cluster resize --help' for its options.");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(notANumber.exitCode()).isEqualTo(2);
    }

    @Test
    void serviceThatIsNotRunningIsOneLineNamingTheUrlAndHowToStartIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;

        Cli.Result result = Cli.run("status", "--scheduler-url", url);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip())
                .isEqualTo("simswarm: cannot reach the scheduler service at " + url + " (connection refused or "
                        + "timed out); start the services with deploy/quickstart.sh, or point "
                        + "SIMSWARM_SCHEDULER_URL or --scheduler-url at them")
                .doesNotContain("Exception");
    }

    @Test
    void malformedServiceUrlIsOneLineNamingTheOptionAndTheProblem() {
        Cli.Result result = Cli.run("status", "--scheduler-url", "ht tp://127.0.0.1:8083");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("simswarm: the scheduler service address "
                + "'ht tp://127.0.0.1:8083' from --scheduler-url is not a usable URL: illegal character in scheme name "
                + "at character 3 (expected e.g. http://127.0.0.1:8083)");
    }

    @Test
    void runOutsideAGitRepositoryWithoutRepoIsAUsageError(@TempDir Path dir) {
        Cli.Result result = Cli.run("run", "-C", dir.toString(), "-c", "General");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).singleElement().asString().contains("is not inside a git repository")
                .contains("--repo URL");
    }

    @Test
    void runInAFolderThatDoesNotExistSaysSo() {
        Cli.Result result = Cli.run("run", "-C", "no/such/dir", "-c", "General");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("simswarm: the folder no/such/dir does not exist");
    }

    @Test
    void malformedReconnectTimeoutIsOneLineBeforeAnythingIsSubmitted() {
        Cli.Result result = Cli.run("watch", "c1", "--reconnect-timeout", "soon", "--scheduler-url",
                "http://127.0.0.1:9");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().lines()).containsExactly("simswarm: the reconnect timeout 'soon' from "
                + "--reconnect-timeout is not a duration: write seconds (300) or a whole number with s, m or h "
                + "(90s, 5m, 1h)");
    }
}
