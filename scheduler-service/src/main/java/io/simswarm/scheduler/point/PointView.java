package io.simswarm.scheduler.point;

import io.simswarm.scheduler.run.Itervar;
import java.time.Instant;
import java.util.List;

/**
 * A parameter point as {@code GET /campaigns/{id}/points} shows it.
 *
 * @param itervars    its iteration variables, without the repetition
 * @param state       OPEN, MET, BUDGET or NO_DATA
 * @param runs        repetitions started so far
 * @param succeeded   of which stored their results
 * @param failed      of which failed
 * @param maxRuns     the most repetitions it may get
 * @param measures    the targeted scalars at the latest evaluation (none before the first)
 * @param evaluatedAt when it was last evaluated; null before
 */
public record PointView(List<Itervar> itervars, PointState state, int runs, int succeeded, int failed, int maxRuns,
        List<Measure> measures, Instant evaluatedAt) {
}
