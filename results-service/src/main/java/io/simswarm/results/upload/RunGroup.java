package io.simswarm.results.upload;

import java.util.Collection;
import java.util.List;

/**
 * The runs one upload carries, in ascending order. A single upload is a group of one whose archive root is the
 * run's folder; a group upload's archive holds one top-level folder per run, named by its number.
 *
 * @param campaignId the campaign
 * @param runs       the run numbers, ascending, without repeats
 * @param rootIsRun  true for a single upload: the archive root is the folder of its only run
 */
record RunGroup(String campaignId, List<Integer> runs, boolean rootIsRun) {

    static RunGroup single(String campaignId, int runNumber) {
        return new RunGroup(campaignId, List.of(runNumber), true);
    }

    static RunGroup of(String campaignId, Collection<Integer> runs) {
        return new RunGroup(campaignId, runs.stream().distinct().sorted().toList(), false);
    }

    boolean holds(int runNumber) {
        return runs.contains(runNumber);
    }

    /** "run 3" or "runs 3, 4, 7", for messages. */
    String describe() {
        return runs.size() == 1 ? "run " + runs.get(0)
                : "runs " + String.join(", ", runs.stream().map(String::valueOf).toList());
    }
}
