package io.simswarm.cli.campaign;

import io.simswarm.cli.CliException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ranges the scheduler accepts for a campaign's numbers, checked before anything is submitted, so a typing
 * mistake is one line naming the option (exit code 2) instead of a refusal naming a JSON field. The scheduler checks
 * the same again ({@code CampaignRequest}, {@code MemorySize}).
 */
final class CampaignLimits {

    static final int MAX_PARALLEL = 10_000;
    static final int MAX_RETRIES = 100;
    static final double MAX_CPUS = 1024;
    static final int MIN_REPETITIONS = 2;
    static final int MAX_REPETITIONS = 1000;
    static final int MAX_SAMPLE_RUNS = 100;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,13})\\s*([kmgt]?)i?b?");
    private static final long MIN_MEMORY = 64L << 20;
    private static final long MAX_MEMORY = 4096L << 30;
    /** A run filter made of run numbers and ranges only, such as {@code 0,3,5..9}. */
    private static final Pattern NUMBERS = Pattern.compile("[0-9.,\\s]+");
    private static final Pattern RANGE = Pattern.compile("(\\d+)\\s*\\.\\.\\s*(\\d+)");

    private CampaignLimits() {
    }

    static void maxParallel(Integer value) {
        if (value != null && (value < 1 || value > MAX_PARALLEL)) {
            throw usage("-j/--max-parallel " + value + " is out of range: between 1 and " + MAX_PARALLEL
                    + " runs at the same time");
        }
    }

    static void retries(Integer value) {
        if (value != null && (value < 0 || value > MAX_RETRIES)) {
            throw usage("--retries " + value + " is out of range: between 0 and " + MAX_RETRIES
                    + " attempts after a failed one");
        }
    }

    static void timeout(Integer seconds) {
        if (seconds != null && seconds < 0) {
            throw usage("--timeout " + seconds + " is out of range: seconds from 0 (no limit) up");
        }
    }

    static void cpus(Double value) {
        if (value != null && !(value >= 0 && value <= MAX_CPUS)) {
            throw usage("--cpus " + value + " is out of range: from 0 (no reservation) to " + (int) MAX_CPUS
                    + " CPUs per run, fractions allowed (e.g. 0.5)");
        }
    }

    static void memory(String text) {
        if (text == null) {
            return;
        }
        Matcher size = SIZE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!size.matches()) {
            throw usage("--memory-per-run '" + text + "' is not a size: write a number with k, m, g or t, e.g. 512m"
                    + " or 4g");
        }
        int shift = switch (size.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        long amount = Long.parseLong(size.group(1));
        if (amount > (MAX_MEMORY >> shift) || (amount << shift) < MIN_MEMORY) {
            throw usage("--memory-per-run '" + text + "' is out of range: between 64m and 4096g");
        }
    }

    /** {@code --max-repetitions}, which only bounds the repetitions that {@code --until} adds. */
    static void maxRepetitions(Integer value, boolean until) {
        if (value == null) {
            return;
        }
        if (!until) {
            throw usage("--max-repetitions needs --until: it bounds the repetitions added to a parameter point until"
                    + " its confidence intervals are narrow enough");
        }
        if (value < MIN_REPETITIONS || value > MAX_REPETITIONS) {
            throw usage("--max-repetitions " + value + " is out of range: between " + MIN_REPETITIONS + " and "
                    + MAX_REPETITIONS + " repetitions per parameter point");
        }
    }

    /** {@code --estimate-sample}: 0 (none) to 100 runs, as the scheduler takes a sample. */
    static void estimateSample(int runs) {
        if (runs < 0 || runs > MAX_SAMPLE_RUNS) {
            throw usage("--estimate-sample " + runs + " is out of range: between 0 (no sample) and " + MAX_SAMPLE_RUNS
                    + " runs");
        }
    }

    /** With {@code --until} the scheduler sets the repetitions, so the simulation arguments must not. */
    static void repeatWithUntil(List<String> simArgs, boolean until) {
        if (!until) {
            return;
        }
        simArgs.stream().filter(arg -> arg.equals("--repeat") || arg.startsWith("--repeat=")).findFirst()
                .ifPresent(repeat -> {
                    throw usage("--until and '" + repeat + "' after -- do not go together: with --until the"
                            + " scheduler adds repetitions to each parameter point until its targets are met, so"
                            + " leave out --repeat");
                });
    }

    /** A run filter OMNeT++ would refuse or that selects nothing, where that shows without the ini file. */
    static void runFilter(String filter) {
        if (filter == null) {
            return;
        }
        if (filter.isBlank()) {
            throw usage("-r/--filter is empty: leave it out to run every run, or give run numbers (0,3,5..9) or an"
                    + " expression ('$x>10')");
        }
        if (filter.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw usage("-r/--filter holds a control character (a line break?): write the filter on one line");
        }
        if (NUMBERS.matcher(filter).matches()) {
            Matcher range = RANGE.matcher(filter);
            while (range.find()) {
                if (Long.parseLong(range.group(1)) > Long.parseLong(range.group(2))) {
                    throw usage("-r/--filter '" + filter + "' has the range " + range.group() + ", which runs"
                            + " backwards and selects no run: write " + range.group(2) + ".." + range.group(1));
                }
            }
        }
    }

    private static CliException usage(String message) {
        return new CliException(message, 2);
    }
}
