package io.simswarm.runner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** A missing or invalid environment ends the runner with exit code 2 and one line naming the problem. */
class RunnerEnvironmentTest {

    private static final String UPLOAD = "http://127.0.0.1:9/runs/{run}/results";
    private static final String WORKER_INVALID = "SIMSWARM_WORKER must be at most 256 printable ASCII characters "
            + "without spaces (this worker's identity, sent as X-Worker)";

    /** Would leave a marker file if the runner ever started a run. */
    private static final Map<String, String> BASE = Map.of(
            "SIMSWARM_RUN_COMMAND", "touch ran-marker; true",
            "SIMSWARM_CONFIG", "Quick");

    private static Map<String, String> list(String... more) {
        Map<String, String> env = new HashMap<>(BASE);
        env.putAll(Map.of("SIMSWARM_RUNS", "0,1", "SIMSWARM_TOKENS", "a,b", "SIMSWARM_UPLOAD_URL", UPLOAD));
        return with(env, more);
    }

    private static Map<String, String> pilot(String... more) {
        Map<String, String> env = new HashMap<>(BASE);
        env.putAll(Map.of("SIMSWARM_LEASE_URL", "http://127.0.0.1:9/leases", "SIMSWARM_LEASE_TOKEN", "t"));
        return with(env, more);
    }

    /** ENV with pairs NAME, VALUE set (VALUE null removes NAME). */
    private static Map<String, String> with(Map<String, String> env, String... pairs) {
        Map<String, String> copy = new HashMap<>(env);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                copy.remove(pairs[i]);
            } else {
                copy.put(pairs[i], pairs[i + 1]);
            }
        }
        return copy;
    }

    static Stream<Arguments> invalidEnvironments() {
        return Stream.of(
                arguments(Map.of(), "SIMSWARM_RUN_COMMAND is not set"),
                arguments(list("SIMSWARM_RUN_COMMAND", null), "SIMSWARM_RUN_COMMAND is not set"),
                arguments(list("SIMSWARM_CONFIG", null), "SIMSWARM_CONFIG is not set"),
                arguments(list("SIMSWARM_CONFIG", ""), "SIMSWARM_CONFIG is not set"),
                arguments(BASE, "neither SIMSWARM_RUNS (list mode) nor SIMSWARM_LEASE_URL (pilot mode) is set"),
                arguments(list("SIMSWARM_LEASE_URL", "http://127.0.0.1:9/l", "SIMSWARM_LEASE_TOKEN", "t"),
                        "set either SIMSWARM_RUNS (list mode) or SIMSWARM_LEASE_URL (pilot mode), not both"),
                arguments(list("SIMSWARM_TOKENS", null), "SIMSWARM_TOKENS is not set"),
                arguments(list("SIMSWARM_UPLOAD_URL", null), "SIMSWARM_UPLOAD_URL is not set"),
                arguments(list("SIMSWARM_TOKENS", "a"), "SIMSWARM_RUNS has 2 run(s) but SIMSWARM_TOKENS has 1 token(s)"),
                arguments(list("SIMSWARM_RUNS", "0,x"), "SIMSWARM_RUNS must list run numbers, got 'x'"),
                arguments(list("SIMSWARM_RUNS", "0,-1"), "SIMSWARM_RUNS must list run numbers, got '-1'"),
                arguments(list("SIMSWARM_TOKENS", "a,b c"), "SIMSWARM_TOKENS has an empty token or one with spaces"),
                arguments(list("SIMSWARM_TOKENS", "a,"), "SIMSWARM_TOKENS has an empty token or one with spaces"),
                arguments(list("SIMSWARM_UPLOAD_URL", "http://127.0.0.1:9/runs/results"),
                        "SIMSWARM_UPLOAD_URL must contain {run}"),
                arguments(list("SIMSWARM_UPLOAD_URL", "https://results/runs/{run}"),
                        "SIMSWARM_UPLOAD_URL is invalid: https URLs are not supported (no TLS)"),
                arguments(list("SIMSWARM_UPLOAD_URL", "results:8084/runs/{run}"),
                        "SIMSWARM_UPLOAD_URL is invalid: not an http:// URL"),
                arguments(list("SIMSWARM_UPLOAD_URL", "http://results:99999/runs/{run}"),
                        "SIMSWARM_UPLOAD_URL is invalid: URL has an invalid port"),
                arguments(list("SIMSWARM_RUN_TIMEOUT", "ten"), "SIMSWARM_RUN_TIMEOUT must be a whole number of seconds, got 'ten'"),
                arguments(list("SIMSWARM_GZIP_LEVEL", "10"), "SIMSWARM_GZIP_LEVEL must be 0-9, got '10'"),
                arguments(list("SIMSWARM_SLOT", "3", "SIMSWARM_RUNS", "0;1", "SIMSWARM_TOKENS", "a;b"),
                        "SIMSWARM_SLOT=3 selects group 3, but SIMSWARM_RUNS has only 2 group(s)"),
                arguments(list("SIMSWARM_SLOT", "1", "SIMSWARM_RUNS", "0;1", "SIMSWARM_TOKENS", "a"),
                        "SIMSWARM_SLOT=1 selects group 1, but SIMSWARM_TOKENS has only 1 group(s)"),
                arguments(pilot("SIMSWARM_LEASE_TOKEN", null), "SIMSWARM_LEASE_TOKEN is not set"),
                arguments(pilot("SIMSWARM_LEASE_URL", "ftp://scheduler/leases"),
                        "SIMSWARM_LEASE_URL is invalid: not an http:// URL"),
                arguments(pilot("SIMSWARM_LEASE_URL", "http://:8083/leases"), "SIMSWARM_LEASE_URL is invalid: URL has no host"),
                arguments(pilot("SIMSWARM_LEASE_GIVEUP", "-5"), "SIMSWARM_LEASE_GIVEUP must be a whole number of seconds"),
                arguments(pilot("SIMSWARM_LEASE_MAX", "0"), "SIMSWARM_LEASE_MAX must be 1-256 (runs per lease answer), got '0'"),
                arguments(pilot("SIMSWARM_LEASE_MAX", "257"), "SIMSWARM_LEASE_MAX must be 1-256 (runs per lease answer), got '257'"),
                arguments(pilot("SIMSWARM_LEASE_MAX", "many"), "SIMSWARM_LEASE_MAX must be 1-256 (runs per lease answer), got 'many'"),
                arguments(list("SIMSWARM_UPLOAD_GIVEUP", "soon"), "SIMSWARM_UPLOAD_GIVEUP must be a whole number of seconds, got 'soon'"),
                arguments(pilot("SIMSWARM_UPLOAD_GIVEUP", "-1"), "SIMSWARM_UPLOAD_GIVEUP must be a whole number of seconds, got '-1'"),
                arguments(pilot("SIMSWARM_WORKER", "node 1"), WORKER_INVALID),
                arguments(pilot("SIMSWARM_WORKER", "node-1\ttask"), WORKER_INVALID),
                arguments(pilot("SIMSWARM_WORKER", "knoten-ü"), WORKER_INVALID),
                arguments(pilot("SIMSWARM_WORKER", "w".repeat(257)), WORKER_INVALID));
    }

    @ParameterizedTest
    @MethodSource("invalidEnvironments")
    void invalidEnvironmentExitsWithCode2AndOneLine(Map<String, String> env, String expected, @TempDir Path dir) {
        var result = RunnerProcess.run(dir, env);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderrLines()).hasSize(1);
        assertThat(result.stderr()).startsWith("simswarm-runner: ").contains(expected);
        assertThat(result.stdout()).isEmpty();
        assertThat(dir.resolve("ran-marker")).doesNotExist();
    }

    @Test
    void anArgumentIsRefusedBecauseInputComesFromTheEnvironment(@TempDir Path dir) {
        var result = RunnerProcess.run(dir, list(), "--config", "Quick");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).isEqualTo(
                "simswarm-runner: unexpected argument '--config': all input comes from the environment, see --help\n");
        assertThat(dir.resolve("ran-marker")).doesNotExist();
    }
}
