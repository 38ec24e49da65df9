package io.simswarm.scheduler.point;

import io.simswarm.scheduler.results.ScalarAggregate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What becomes of a point once all its runs so far have ended: its measures against the targets, and either a final
 * state or how many repetitions to add. The half-width of a mean shrinks with the square root of the number of
 * values, so a point whose half-width is h against a limit l after n values needs about n·(h/l)² of them; a point
 * gets at most as many new repetitions as it has (estimates from few values are rough), at least one, and never more
 * than its budget leaves.
 *
 * @param state    the point's new state: OPEN when {@code more > 0}
 * @param measures one per targeted scalar and module
 * @param more     repetitions to add
 */
public record Decision(PointState state, List<Measure> measures, int more) {

    /**
     * The decision for a point with {@code released} runs so far (at most {@code maxRepetitions}), given what the
     * results service reported for each target.
     */
    public static Decision of(List<Target> targets, Map<Target, List<ScalarAggregate>> reported, int released,
            int maxRepetitions) {
        List<Measure> measures = new ArrayList<>();
        boolean noData = false;
        boolean allMet = true;
        int needed = 0;
        for (Target target : targets) {
            List<ScalarAggregate> rows = reported.getOrDefault(target, List.of());
            if (rows.isEmpty()) {
                noData = true;
                continue;
            }
            for (ScalarAggregate row : rows) {
                double limit = target.limitFor(row.mean());
                boolean finiteLimit = Double.isFinite(limit);
                boolean met = row.halfWidth() != null && finiteLimit && row.halfWidth() <= limit;
                measures.add(new Measure(target.text(), row.name(), row.module(), row.count(), finite(row.mean()),
                        finite(row.halfWidth()), finiteLimit ? limit : null, met));
                if (!met) {
                    allMet = false;
                    needed = Math.max(needed, valuesNeeded(row, limit));
                }
            }
        }
        if (noData) {
            return new Decision(PointState.NO_DATA, measures, 0);
        }
        if (allMet) {
            return new Decision(PointState.MET, measures, 0);
        }
        if (released >= maxRepetitions) {
            return new Decision(PointState.BUDGET, measures, 0);
        }
        int more = Math.max(1, Math.min(needed, Math.max(released, 1)));
        return new Decision(PointState.OPEN, measures, Math.min(more, maxRepetitions - released));
    }

    /** Values still to add so that the half-width of {@code row} may reach {@code limit}; 1 when it cannot be told. */
    private static int valuesNeeded(ScalarAggregate row, double limit) {
        Double halfWidth = row.halfWidth();
        if (halfWidth == null || !Double.isFinite(halfWidth) || !(limit > 0) || !Double.isFinite(limit)) {
            return Math.max(1, 2 - (int) row.count());
        }
        double ratio = halfWidth / limit;
        double total = Math.ceil(row.count() * ratio * ratio);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, total - row.count()));
    }

    private static Double finite(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }
}
