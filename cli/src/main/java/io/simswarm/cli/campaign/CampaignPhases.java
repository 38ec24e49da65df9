package io.simswarm.cli.campaign;

import io.simswarm.cli.text.Durations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The phases of a campaign and how long each took, from the scheduler's times: the build (submitted to build
 * finished), the expansion into runs (to runs started) and the runs (to finished). A phase under way is counted to
 * now; one the campaign ended in is marked with how it ended; one never reached is {@code -}.
 */
final class CampaignPhases {

    /** One phase: its name and what {@code simswarm status} shows for it. */
    record Phase(String name, String shown) {
    }

    private CampaignPhases() {
    }

    static List<Phase> of(CampaignView campaign, Instant now) {
        return List.of(
                phase("build", campaign.submittedAt(), campaign.buildFinishedAt(), campaign, now),
                phase("expansion", campaign.buildFinishedAt(), campaign.startedAt(), campaign, now),
                phase("running", campaign.startedAt(), campaign.finishedAt(), campaign, now));
    }

    private static Phase phase(String name, Instant start, Instant end, CampaignView campaign, Instant now) {
        if (start == null) {
            return new Phase(name, "-");
        }
        if (end != null) {
            return new Phase(name, clock(start, end));
        }
        if (campaign.terminal() && campaign.finishedAt() != null) {
            return new Phase(name, clock(start, campaign.finishedAt()) + " (" + campaign.status().toLowerCase() + ")");
        }
        return new Phase(name, clock(start, now) + " so far");
    }

    private static String clock(Instant start, Instant end) {
        return Durations.clock(Duration.between(start, end));
    }
}
