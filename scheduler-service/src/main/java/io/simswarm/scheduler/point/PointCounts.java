package io.simswarm.scheduler.point;

import java.util.Map;

/** How many points of a campaign with precision targets stand where, as the campaign view shows them. */
public record PointCounts(int total, int open, int met, int budget, int noData) {

    public static PointCounts of(Map<PointState, Integer> counts) {
        int open = counts.getOrDefault(PointState.OPEN, 0);
        int met = counts.getOrDefault(PointState.MET, 0);
        int budget = counts.getOrDefault(PointState.BUDGET, 0);
        int noData = counts.getOrDefault(PointState.NO_DATA, 0);
        return new PointCounts(open + met + budget + noData, open, met, budget, noData);
    }
}
