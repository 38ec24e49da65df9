package io.simswarm.cli.text;

import io.simswarm.cli.CliException;
import io.simswarm.cli.config.Settings;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the command line shows them ({@code 0:42}, {@code 12:03}, {@code 1:02:03}) and as users write
 * them in settings ({@code 300}, {@code 90s}, {@code 5m}, {@code 1h}).
 */
public final class Durations {

    private static final Pattern WRITTEN = Pattern.compile("(\\d{1,9})\\s*([smh]?)");

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

    /** A duration setting: whole seconds, or a whole number with s, m or h; anything else names its source. */
    public static Duration parse(String what, Settings.Value value) {
        Matcher matcher = WRITTEN.matcher(value.text().trim());
        if (!matcher.matches()) {
            throw new CliException("the " + what + " '" + value.text() + "' from " + value.source()
                    + " is not a duration: write seconds (300) or a whole number with s, m or h (90s, 5m, 1h)", 2);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }
}
