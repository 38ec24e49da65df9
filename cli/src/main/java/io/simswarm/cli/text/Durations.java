package io.simswarm.cli.text;

import java.time.Duration;

/** Formats durations the way a progress line shows them: {@code 0:42}, {@code 12:03}, {@code 1:02:03}. */
public final class Durations {

    private Durations() {
    }

    public static String clock(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? String.format("%d:%02d:%02d", hours, minutes, rest)
                : String.format("%d:%02d", minutes, rest);
    }
}
