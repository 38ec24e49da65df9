package io.simswarm.scheduler.expansion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExpansionScriptTest {

    @Test
    void quotesEveryUserValueListsTheRunsAndEndsWithTheExitStatusOfTheNumbers() {
        String script = ExpansionScript.of("./queueing", "my runs.ini", "MMc", "$n==2 && $rho<0.8", "--repeat=3");

        String query = "./queueing -u Cmdenv -f 'my runs.ini' -c 'MMc' -r '$n==2 && $rho<0.8' --repeat=3";
        assertThat(script).isEqualTo("echo simswarm-version-begin; { ( ulimit -t 5; ./queueing -v; ) | head -n 20; }"
                + " 2>/dev/null </dev/null; echo simswarm-version-end; echo simswarm-runs-begin; { " + query + " -s -q runs; } 2>/dev/null;"
                + " echo simswarm-runs-end; { " + query + " -s -q runnumbers; } 2>&1; echo \"simswarm-exit=$?\"");
    }

    @Test
    void leavesOutWhatIsNotGiven() {
        assertThat(ExpansionScript.of("opp_run -l src/INET", null, "Config'1", " ", null))
                .endsWith("{ opp_run -l src/INET -u Cmdenv -c 'Config'\\''1' -s -q runnumbers; } 2>&1;"
                        + " echo \"simswarm-exit=$?\"");
    }

    @Test
    void theScriptReportsTheExitStatusOfTheQueryInAShell() throws IOException, InterruptedException {
        String script = ExpansionScript.of("sh -c \"printf ' 3 4\\n'; echo '<!> Error: x' >&2; exit 7\"", null,
                "C", null, null);
        Process sh = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        String output = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        sh.waitFor(10, TimeUnit.SECONDS);

        assertThat(sh.exitValue()).isZero();
        assertThat(output).contains(" 3 4\n").contains("<!> Error: x").endsWith("simswarm-exit=7\n");
        assertThat(output).startsWith("simswarm-version-begin\n 3 4\nsimswarm-version-end\n"
                + "simswarm-runs-begin\n 3 4\nsimswarm-runs-end\n")
                .as("the errors of -v and of the listing are dropped, the query's kept").containsOnlyOnce("<!> Error: x");
    }

    @Test
    void aProgramThatComputesForeverWhenAskedForItsVersionIsStoppedAfterFiveSecondsOfCpu()
            throws IOException, InterruptedException {
        String script = ExpansionScript.of("sh -c 'case $0 in -v) while :; do :; done;; *) echo \" 5\";; esac'",
                null, "C", null, null);
        Process sh = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        String output = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(sh.waitFor(60, TimeUnit.SECONDS)).isTrue();
        RunNumbers.Outcome outcome = RunNumbers.parse(output, "C", null);
        assertThat(outcome.runs()).containsExactly(5);
        assertThat(outcome.simulatorVersion()).isNull();
    }
}
