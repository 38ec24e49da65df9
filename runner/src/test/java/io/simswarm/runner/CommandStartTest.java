package io.simswarm.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a run's command line starts: a plain command (words, single and double quotes, backslashes) directly, with
 * exactly the words /bin/sh would give it; anything that needs a shell (operators, expansions, assignments,
 * builtins) through /bin/sh -c, with the shell's meaning; a program that cannot start fails with the exit code a
 * shell gives and one line naming it.
 */
class CommandStartTest extends HostRunnerFixture {

    private RunnerProcess.Result fake(Path dir, String command, String simArgs, String... moreEnv) {
        String script = FakeSimulation.installIn(dir);
        Map<String, String> env = listModeEnv(command.replace("{sim}", script), "Fake", "5", "t", moreEnv);
        env.put("FAKE_MODE", "args");
        if (simArgs != null) {
            env.put("SIMSWARM_SIM_ARGS", simArgs);
        }
        return RunnerProcess.run(dir, env);
    }

    private String file(String name) {
        return new String(uploads.uploadOf(5).entries().get(name), StandardCharsets.UTF_8);
    }

    /** The arguments after the ones the runner adds (-u Cmdenv -c Fake -r 5 --result-dir DIR). */
    private List<String> simArgs() {
        List<String> args = file("args.txt").lines().toList();
        assertThat(args.subList(0, 7)).containsExactly("-u", "Cmdenv", "-c", "Fake", "-r", "5", "--result-dir");
        return args.subList(8, args.size());
    }

    @Test
    void aPlainCommandStartsDirectlyWithTheWordsAShellWouldGive(@TempDir Path dir) {
        var result = fake(dir, "{sim}", "--x='a b' \"c\\\"d \\$e\" f\\ g '' \"\" plain=1 'it'\\''s' \"*\" \\#h");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(file("parent.txt").trim()).isEqualTo("simswarm-runner");
        assertThat(simArgs()).containsExactly("--x=a b", "c\"d $e", "f g", "", "", "plain=1", "it's", "*", "#h");
    }

    @Test
    void aProgramFoundOnThePathStartsDirectly(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        String program = FakeSimulation.installIn(bin).substring(2);

        var result = fake(dir, program, null, "PATH", bin + ":" + System.getenv("PATH"));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(file("parent.txt").trim()).isEqualTo("simswarm-runner");
    }

    @Test
    void operatorsInTheRunCommandGoThroughTheShell(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        var result = fake(dir, "cd sub && cd .. && {sim}", "--y=2");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(simArgs()).containsExactly("--y=2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--mode=$FAKE_MODE", "--mode=\"$FAKE_MODE\"", "--mode=`echo $FAKE_MODE`", "--mode=$(echo $FAKE_MODE)"})
    void expansionsInTheSimulationArgumentsGoThroughTheShell(String simArgs, @TempDir Path dir) {
        var result = fake(dir, "{sim}", simArgs);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(simArgs()).containsExactly("--mode=args");
    }

    @Test
    void aCommentAndARedirectionHaveTheShellsMeaning(@TempDir Path dir) {
        var result = fake(dir, "{sim}", "--z=3 2>/dev/null # --ignored");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(simArgs()).containsExactly("--z=3");
        assertThat(file("Fake-#5.out")).doesNotContain("a line on stderr").contains("fake run 5 starting");
    }

    @Test
    void anAssignmentBeforeTheProgramGoesThroughTheShell(@TempDir Path dir) {
        var result = fake(dir, "FAKE_MODE=nothing {sim}", null);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(uploads.uploadOf(5).entries()).containsOnlyKeys("Fake-run-5.out", "simswarm-run.json");
    }

    @Test
    void aMissingProgramFailsWith127AndOneLineNamingIt(@TempDir Path dir) {
        var result = fake(dir, "./no-such-simulation", null);

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(uploads.uploads()).isEmpty();
        assertThat(result.stdout()).contains(
                "simswarm-runner: cannot run ./no-such-simulation: No such file or directory",
                "simswarm-runner: the run ended with exit code 127");
    }

    @Test
    void aProgramThatIsNotExecutableFailsWith126(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("not-executable"), "#!/bin/sh\nexit 0\n");

        var result = fake(dir, "./not-executable", null);

        assertThat(result.exitCode()).isEqualTo(126);
        assertThat(result.stdout()).contains("simswarm-runner: cannot run ./not-executable: Permission denied");
    }

    @Test
    void aMissingProgramBehindAnOperatorGetsTheShellsAnswer(@TempDir Path dir) {
        var result = fake(dir, "true && ./no-such-simulation", null);

        assertThat(result.exitCode()).isEqualTo(127);
        assertThat(result.stdout()).contains("./no-such-simulation: not found");
    }
}
