package io.simswarm.scheduler.campaign;

import java.time.Instant;
import java.util.List;

/**
 * What a campaign is expected to take, from the earlier runs of the same repository, workdir, ini file and
 * configuration (a run number stands for its iteration variables while the ini file is unchanged).
 *
 * @param runs          number of runs, from the latest earlier expansion with the same run filter; null when none
 * @param basedOnRuns   earlier run durations the figures rest on (0: no history, no figures)
 * @param coreHours     expected CPU-hours: each run's expected duration times the CPUs it reserves
 * @param coreHoursP10  the same at the 10th percentile of how earlier runs varied around their run number's mean
 * @param coreHoursP90  the same at the 90th percentile
 * @param wallSeconds   expected running time on the cluster: the runs, longest first, spread over {@code slots}
 * @param slots         runs at the same time: min(maxParallel, runs, CPUs of the ready nodes / cpusPerRun)
 * @param costOnDemand  wallSeconds of the whole cluster at its on-demand prices (USD); null without prices
 * @param costSpot      the same at spot prices
 * @param notes         what the estimate could not take into account, in sentences
 * @param at            when it was made
 */
public record Estimate(Integer runs, int basedOnRuns, Double coreHours, Double coreHoursP10, Double coreHoursP90,
        Double wallSeconds, Integer slots, Double costOnDemand, Double costSpot, List<String> notes, Instant at) {
}
