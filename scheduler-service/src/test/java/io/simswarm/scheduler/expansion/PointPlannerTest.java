package io.simswarm.scheduler.expansion;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.scheduler.point.PlannedPoint;
import io.simswarm.scheduler.run.Itervar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PointPlannerTest {

    /**
     * What the queueing example prints for config MM1 (rho 0.5, 0.7, 0.9, repeat 2) with run filter '$rho>0.6' and
     * the listing with --repeat=3 (captured from the program).
     */
    private static final String MM1_OUTPUT = """
            simswarm-version-begin
            queueing 1.0 (SimSwarm example; OMNeT++ 6 compatible command line and result files)
            simswarm-version-end
            simswarm-reserve-begin
            Run 0: $rho=0.5, $repetition=0
            Run 1: $rho=0.5, $repetition=1
            Run 2: $rho=0.5, $repetition=2
            Run 3: $rho=0.7, $repetition=0
            Run 4: $rho=0.7, $repetition=1
            Run 5: $rho=0.7, $repetition=2
            Run 6: $rho=0.9, $repetition=0
            Run 7: $rho=0.9, $repetition=1
            Run 8: $rho=0.9, $repetition=2
            simswarm-reserve-end
            simswarm-runs-begin
            Run 2: $rho=0.7, $repetition=0
            Run 3: $rho=0.7, $repetition=1
            Run 4: $rho=0.9, $repetition=0
            Run 5: $rho=0.9, $repetition=1
            simswarm-runs-end
             2 3 4 5
            simswarm-exit=0
            """;

    @Test
    void theSelectedPointsStartWithTheirIniRepetitionsNumberedAsWithTheLargestRepeat() {
        RunNumbers.Outcome outcome = RunNumbers.parse(MM1_OUTPUT, "MM1", "$rho>0.6");
        assertThat(outcome.failed()).isFalse();
        assertThat(outcome.runs()).containsExactly(2, 3, 4, 5);
        assertThat(outcome.reserve()).hasSize(9);

        PointPlanner.Plan plan = PointPlanner.of(outcome, 3);

        assertThat(plan.error()).isNull();
        assertThat(plan.points()).containsExactly(
                new PlannedPoint(List.of(new Itervar("rho", "0.7")), List.of(3, 4, 5), 2),
                new PlannedPoint(List.of(new Itervar("rho", "0.9")), List.of(6, 7, 8), 2));
        assertThat(plan.runs()).containsExactly(3, 4, 6, 7);
        assertThat(plan.itervars().get(7)).containsExactly(new Itervar("rho", "0.9"),
                new Itervar("repetition", "1"));
    }

    @Test
    void aBudgetBelowTheIniRepetitionsStartsEachPointWithTheBudget() {
        PointPlanner.Plan plan = PointPlanner.of(RunNumbers.parse(MM1_OUTPUT, "MM1", "$rho>0.6"), 1);
        assertThat(plan.error()).isNull();
        assertThat(plan.runs()).containsExactly(3, 6);
    }

    @Test
    void aPointTheLargerListingLacksIsAnsweredWithASentence() {
        String shortReserve = MM1_OUTPUT.replace("Run 8: $rho=0.9, $repetition=2\n", "");
        PointPlanner.Plan plan = PointPlanner.of(RunNumbers.parse(shortReserve, "MM1", "$rho>0.6"), 3);
        assertThat(plan.error()).isEqualTo("Listing the runs with --repeat=3 gave point $rho=0.9 no run for"
                + " repetition 2; OMNeT++ adds repetitions this way only when the ini's repeat is not tied to other"
                + " variables.");
        assertThat(plan.runs()).isEmpty();
    }

    @Test
    void runsWithoutARepetitionVariableCannotBeRepeated() {
        String noListing = MM1_OUTPUT.replaceAll("(?s)simswarm-runs-begin.*simswarm-runs-end\n", "");
        PointPlanner.Plan plan = PointPlanner.of(RunNumbers.parse(noListing, "MM1", "$rho>0.6"), 3);
        assertThat(plan.error()).startsWith("Repeating points until a precision target needs each run's iteration"
                + " variables with $repetition");
    }

    @Test
    void theScriptListsTheLargerRepeatWithoutTheFilter(@TempDir Path dir) throws IOException, InterruptedException {
        // a stand-in program that prints its own arguments as a listing line: what the script asks of it
        Path program = dir.resolve("program");
        Files.writeString(program, "#!/bin/sh\ncase \"$*\" in *-q\\ runs*) echo \"Run 0: \\$args=$*\";;"
                + " *-q\\ runnumbers*) echo ' 0';; esac\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        String script = ExpansionScript.of(program.toString(), null, "MM1", "$rho>0.6", "--sim-time-limit=5s", 40);
        Process sh = new ProcessBuilder("/bin/sh", "-c", script).redirectErrorStream(true).start();
        String output = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor(30, TimeUnit.SECONDS)).isTrue();

        RunNumbers.Outcome outcome = RunNumbers.parse(output, "MM1", "$rho>0.6");
        assertThat(outcome.reserve().get(0)).containsExactly(new Itervar("args",
                "-u Cmdenv -c MM1 --sim-time-limit=5s --repeat=40 -s -q runs"));
        assertThat(outcome.itervars().get(0)).containsExactly(new Itervar("args",
                "-u Cmdenv -c MM1 -r $rho>0.6 --sim-time-limit=5s -s -q runs"));
        assertThat(outcome.runs()).containsExactly(0);
    }
}
