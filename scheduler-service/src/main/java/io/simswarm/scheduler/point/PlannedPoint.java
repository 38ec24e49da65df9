package io.simswarm.scheduler.point;

import io.simswarm.scheduler.run.Itervar;
import java.util.List;

/**
 * A point as the expansion finds it: its iteration variables without the repetition, its run numbers by repetition
 * under {@code --repeat=maxRepetitions}, and how many of the first repetitions the ini file and run filter select
 * (the runs it starts with).
 */
public record PlannedPoint(List<Itervar> itervars, List<Integer> runNumbers, int initialRepetitions) {

    public PlannedPoint {
        itervars = List.copyOf(itervars);
        runNumbers = List.copyOf(runNumbers);
    }
}
