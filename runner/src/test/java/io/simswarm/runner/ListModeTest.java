package io.simswarm.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** List mode on the host: examples/queueing runs uploaded to a local endpoint, and the failure paths. */
class ListModeTest extends HostRunnerFixture {

    private RunnerProcess.Result queueing(String config, String runs, String tokens, String... more) {
        return RunnerProcess.run(QueueingExample.hostBuild(), listModeEnv("./queueing", config, runs, tokens, more));
    }

    private RunnerProcess.Result fake(Path dir, String mode, String config, String runs, String tokens,
                                      String... more) {
        Map<String, String> env = listModeEnv(FakeSimulation.installIn(dir), config, runs, tokens, more);
        env.put("FAKE_MODE", mode);
        return RunnerProcess.run(dir, env);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void uploadsEachRunsResultFilesAndOutputWithItsToken() {
        var result = queueing("MMc", "0,5", "tok-0,tok-5", "SIMSWARM_SIM_ARGS", "--sim-time-limit=20s");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(uploads.uploads()).hasSize(2);
        for (int run : new int[] {0, 5}) {
            var upload = uploads.uploadOf(run);
            assertThat(upload.path()).isEqualTo("/campaigns/c1/runs/" + run + "/results");
            assertThat(upload.authorization()).isEqualTo("Bearer tok-" + run);
            assertThat(upload.contentType()).isEqualTo("application/gzip");
            assertThat(upload.contentLength()).isEqualTo(Integer.toString(upload.body().length));
            assertThat(upload.transferEncoding()).isNull();

            Map<String, byte[]> entries = upload.entries();
            assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(
                    QueueingExample.expectedEntries("MMc", run, "--sim-time-limit=20s"));
            String sca = entries.keySet().stream().filter(n -> n.endsWith(".sca")).findFirst().orElseThrow();
            String out = sca.replace(".sca", ".out");
            assertThat(text(entries.get(out)))
                    .contains("Preparing for running configuration MMc, run #" + run, "End.");
            assertThat(text(entries.get(sca))).contains("attr runnumber " + run, "scalar ");
            assertThat(result.stdout()).as("output is echoed").contains(text(entries.get(out)));
            assertThat(text(entries.get("simswarm-run.json")))
                    .contains("\"run\":" + run + ",", "\"exitCode\":0", "\"startedAt\":\"20", "\"finishedAt\":\"20")
                    .containsPattern("\"command\":\"[^\"]*-u Cmdenv -c '?MMc'? -r " + run + " --result-dir [^\"]* "
                            + "--sim-time-limit=20s\"");
        }
        assertThat(result.stderr()).contains("2 of 2 run(s) succeeded and were uploaded");
    }

    @Test
    void aFailingRunIsNotUploadedAndItsExitCodeIsTheRunners() {
        var result = queueing("Faulty", "0,1,2", "a,b,c", "SIMSWARM_SIM_ARGS", "--sim-time-limit=2s");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(uploads.uploads()).extracting(UploadServer.Upload::run).containsExactlyInAnyOrder(0, 2);
        assertThat(result.stdout()).contains("<!> Error: Injected failure: run 1 of config Faulty",
                "simswarm-runner: the run ended with exit code 1");
        assertThat(result.stderr()).contains("2 of 3 run(s) succeeded and were uploaded");
    }

    @Test
    void theFirstNonZeroExitCodeIsReported(@TempDir Path dir) {
        var result = fake(dir, "exitrun", "Fake", "0,3,5", "a,b,c");

        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(uploads.uploads()).extracting(UploadServer.Upload::run).containsExactly(0);
    }

    @Test
    void aRunOverTheTimeLimitIsKilledAndReportedAs124() {
        var result = queueing("General", "0", "a", "SIMSWARM_RUN_TIMEOUT", "1",
                "SIMSWARM_SIM_ARGS", "--sim-time-limit=5000000s");

        assertThat(result.exitCode()).isEqualTo(124);
        assertThat(uploads.uploads()).isEmpty();
        assertThat(result.stdout()).contains(
                "simswarm-runner: the run exceeded SIMSWARM_RUN_TIMEOUT=1 s: terminating it",
                "simswarm-runner: the run ended with exit code 124");
    }

    @Test
    void theSlotSelectsItsGroupOfRunsAndTokens() {
        var result = queueing("Quick", "0,1;2,3;4", "a,b;c,d;e", "SIMSWARM_SLOT", "1");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(uploads.uploads()).extracting(UploadServer.Upload::run, UploadServer.Upload::authorization)
                .containsExactlyInAnyOrder(tuple(2, "Bearer c"), tuple(3, "Bearer d"));
    }

    @Test
    void aNonNumericSlotCountsAsGroupZero() {
        var result = queueing("Quick", "7;8", "g0;g1", "SIMSWARM_SLOT", "v1ikx0cnoyzgg2vjtdp0ofnmb");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(uploads.uploads()).extracting(UploadServer.Upload::run).containsExactly(7);
        assertThat(uploads.uploadOf(7).authorization()).isEqualTo("Bearer g0");
    }

    @Test
    void anUploadRefusedWith401FailsWithOneClearLine() {
        uploads.answer(401, "invalid run token\nmore detail\n");

        var result = queueing("Quick", "3", "wrong");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(uploads.uploads()).hasSize(1);
        assertThat(result.stderrLines()).contains("simswarm-runner: run 3: upload to " + uploads.url(3)
                + " failed: HTTP 401: invalid run token");
    }

    @Test
    void anUnreachableEndpointFailsAfterRetries() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var env = listModeEnv("./queueing", "Quick", "3", "t", "SIMSWARM_UPLOAD_GIVEUP", "1");
        env.put("SIMSWARM_UPLOAD_URL", "http://127.0.0.1:" + closedPort + "/runs/{run}");

        var result = RunnerProcess.run(QueueingExample.hostBuild(), env);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderrLines()).anyMatch(line -> line.matches(Pattern.quote("simswarm-runner: run 3: upload "
                + "to http://127.0.0.1:" + closedPort + "/runs/3 failed: cannot connect to 127.0.0.1:" + closedPort
                + ": Connection refused (") + "\\d+ attempts in \\d+ s, SIMSWARM_UPLOAD_GIVEUP=1\\)"));
    }

    @Test
    void aServiceUnavailableAnswerIsRetried() {
        uploads.answerOnce(503, "starting\n");
        uploads.answerOnce(503, "starting\n");

        var result = queueing("Quick", "4", "t");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(uploads.uploads()).hasSize(3);
        assertThat(uploads.uploads().get(2).body()).as("the same archive is sent again")
                .isEqualTo(uploads.uploads().get(0).body());
        assertThat(uploads.uploads().get(2).entries().keySet())
                .containsExactlyInAnyOrderElementsOf(QueueingExample.expectedEntries("Quick", 4));
    }

    @Test
    void theCommandLineQuotesConfigIniAndResultDirAndRunsInTheWorkingDirectory(@TempDir Path dir) throws IOException {
        String config = "It's a \"test\" $HOME `x`";
        var result = fake(dir, "args", config, "4", "t", "SIMSWARM_INI_FILE", "my file.ini",
                "SIMSWARM_SIM_ARGS", "--x='a b' --y=2");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, byte[]> entries = uploads.uploadOf(4).entries();
        var args = text(entries.get("args.txt")).lines().toList();
        assertThat(args).hasSize(12);
        assertThat(args.subList(0, 9)).containsExactly("-u", "Cmdenv", "-f", "my file.ini", "-c", config, "-r", "4",
                "--result-dir");
        assertThat(args.get(9)).startsWith(tmp.toString()).endsWith("/results");
        assertThat(args.subList(10, 12)).containsExactly("--x=a b", "--y=2");
        assertThat(text(entries.get("pwd.txt")).trim()).isEqualTo(dir.toRealPath().toString());
        assertThat(text(entries.get("parent.txt")).trim()).as("a plain command starts without a shell")
                .isEqualTo("simswarm-runner");
        assertThat(entries).containsOnlyKeys("args.txt", "pwd.txt", "parent.txt", "Fake-#4.sca", "Fake-#4.out",
                "simswarm-run.json");
    }

    @Test
    void longNamesAndSubDirectoriesArePacked(@TempDir Path dir) {
        var result = fake(dir, "long", "Fake", "3", "t");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Map<String, byte[]> entries = uploads.uploadOf(3).entries();
        String stem = FakeSimulation.longName(3);
        assertThat(entries).containsOnlyKeys(stem + ".sca", stem + ".out", "sub/deeper/note.txt", "simswarm-run.json");
        assertThat(text(entries.get(stem + ".sca"))).isEqualTo("scalar\n");
        assertThat(text(entries.get("sub/deeper/note.txt"))).isEqualTo("nested\n");
        assertThat(text(entries.get(stem + ".out"))).isEqualTo("fake run 3 starting\na line on stderr\n");
    }

    @Test
    void theOutFileIsNamedAfterTheVecWhenThereIsNoSca(@TempDir Path dir) {
        var result = fake(dir, "veconly", "Fake", "2", "t");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(uploads.uploadOf(2).entries()).containsOnlyKeys("Fake-x=1,y=2-#2.vec", "Fake-x=1,y=2-#2.out",
                "simswarm-run.json");
    }

    @Test
    void theOutFileIsNamedAfterConfigAndRunWithoutResultFiles(@TempDir Path dir) {
        var result = fake(dir, "nothing", "Plain", "6", "t");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(uploads.uploadOf(6).entries()).containsOnlyKeys("Plain-run-6.out", "simswarm-run.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "9"})
    void bigFilesArriveIntactAtEveryCompressionLevel(String level, @TempDir Path dir) {
        var result = fake(dir, "big", "Big", "1", "t", "SIMSWARM_GZIP_LEVEL", level);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String expected = IntStream.rangeClosed(1, 3_000_000).mapToObj(Integer::toString)
                .collect(Collectors.joining("\n", "", "\n"));
        byte[] vec = uploads.uploadOf(1).entries().get("Big-#1.vec");
        assertThat(vec.length).isEqualTo(expected.length());
        assertThat(text(vec)).isEqualTo(expected);
    }
}
