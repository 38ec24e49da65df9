package io.simswarm.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.text.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An estimate of the scheduler ({@code POST /campaigns/estimate}, a campaign's {@code estimate}) as lines of text. */
final class EstimateText {

    private EstimateText() {
    }

    /** True when the estimate had neither earlier durations nor an earlier number of runs to go on. */
    static boolean withoutHistory(JsonNode estimate) {
        return estimate.path("basedOnRuns").asInt() == 0 || !estimate.path("runs").isNumber();
    }

    /** Label and value lines of an estimate. */
    static List<String[]> lines(JsonNode estimate) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"runs", estimate.path("runs").isNumber() ? estimate.path("runs").asText()
                : "not known before the campaign is expanded"});
        int basedOn = estimate.path("basedOnRuns").asInt();
        if (estimate.path("coreHours").isNumber()) {
            lines.add(new String[] {"core-hours", String.format(Locale.ROOT, "%s (p10-p90 %s-%s), from %d earlier runs",
                    hours(estimate.path("coreHours")), hours(estimate.path("coreHoursP10")),
                    hours(estimate.path("coreHoursP90")), basedOn)});
        }
        if (estimate.path("wallSeconds").isNumber()) {
            lines.add(new String[] {"wall time", String.format(Locale.ROOT, "%s with %d runs at a time",
                    clock(estimate.path("wallSeconds").asDouble()), estimate.path("slots").asInt())});
        }
        if (estimate.path("costOnDemand").isNumber()) {
            lines.add(new String[] {"cost", String.format(Locale.ROOT, "%.2f USD on demand, %.2f USD spot",
                    estimate.path("costOnDemand").asDouble(), estimate.path("costSpot").asDouble())});
        }
        estimate.path("notes").forEach(note -> lines.add(new String[] {"note", note.asText()}));
        return lines;
    }

    /** The ended campaign's figures next to its estimate. */
    static String versus(JsonNode estimate, JsonNode actual) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s core-hours",
                hours(actual.path("coreHours"))));
        if (estimate.path("coreHours").isNumber()) {
            text.append(" (estimated ").append(hours(estimate.path("coreHours"))).append(')');
        }
        if (actual.path("wallSeconds").isNumber()) {
            text.append(", ").append(clock(actual.path("wallSeconds").asDouble())).append(" running");
            if (estimate.path("wallSeconds").isNumber()) {
                text.append(" (estimated ").append(clock(estimate.path("wallSeconds").asDouble())).append(')');
            }
        }
        return text.toString();
    }

    private static String hours(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%.3g", value.asDouble()) : "-";
    }

    private static String clock(double seconds) {
        return Durations.clock(Duration.ofMillis(Math.round(seconds * 1000)));
    }
}
