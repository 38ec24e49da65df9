package io.simswarm.scheduler.expansion;

import io.simswarm.scheduler.run.Itervar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what the expansion script printed: between {@link #VERSION_BEGIN} and {@link #VERSION_END} what the program
 * answered to {@code -v} (see {@link SimulatorVersion}), between {@link #RUNS_BEGIN} and {@link #RUNS_END} the listing of
 * {@code PROGRAM -u Cmdenv -c CONFIG [-r FILTER] -s -q runs} (one {@code Run 3: $n=1, $rho=0.5, $repetition=1} line
 * per run), then what {@code ... -s -q runnumbers} printed (stdout and stderr merged, followed by the
 * {@code simswarm-exit=N} line): the selected run numbers, or why none, and each run's iteration variables. The
 * numbers decide which runs there are; a listing that is missing or unreadable only leaves runs without variables.
 */
public final class RunNumbers {

    /** The last line of the expansion job's output: the exit status of the query. */
    public static final String EXIT_MARKER = "simswarm-exit=";
    /** The line before the program's answer to {@code -v}. */
    public static final String VERSION_BEGIN = "simswarm-version-begin";
    /** The line after the program's answer to {@code -v}. */
    public static final String VERSION_END = "simswarm-version-end";
    /** The line before the run listing. */
    public static final String RUNS_BEGIN = "simswarm-runs-begin";
    /** The line after the run listing. */
    public static final String RUNS_END = "simswarm-runs-end";
    /** The line before the listing of every run with {@code --repeat=maxRepetitions} (precision targets only). */
    public static final String RESERVE_BEGIN = "simswarm-reserve-begin";
    /** The line after it. */
    public static final String RESERVE_END = "simswarm-reserve-end";

    private static final Pattern RUN_LINE = Pattern.compile("Run (\\d+): ?(.*)");
    private static final Pattern NEXT_VARIABLE = Pattern.compile(", (?=\\$)");

    private static final Pattern EXIT_LINE = Pattern.compile("^" + EXIT_MARKER + "(\\d+)\\s*$", Pattern.MULTILINE);
    private static final int TAIL_LINES = 20;

    private RunNumbers() {
    }

    /**
     * The outcome of an expansion.
     *
     * @param runs     the run numbers, in the order printed; empty on failure
     * @param itervars the iteration variables of the listed runs, by run number; runs not listed have none
     * @param simulatorVersion what the program reported as its version; null when it reported none
     * @param error    why the expansion failed, a sentence for the user; null on success
     * @param reserve  with precision targets, the iteration variables of every run of the config with
     *                 {@code --repeat=maxRepetitions}, by run number; empty otherwise
     */
    public record Outcome(List<Integer> runs, Map<Integer, List<Itervar>> itervars, String simulatorVersion,
            String error, Map<Integer, List<Itervar>> reserve) {

        public Outcome(List<Integer> runs, Map<Integer, List<Itervar>> itervars, String simulatorVersion,
                String error) {
            this(runs, itervars, simulatorVersion, error, Map.of());
        }

        public static Outcome failed(String error) {
            return new Outcome(List.of(), Map.of(), null, error);
        }

        Outcome withReserve(Map<Integer, List<Itervar>> listed) {
            return failed() ? this : new Outcome(runs, itervars, simulatorVersion, null, listed);
        }

        public boolean failed() {
            return error != null;
        }
    }

    /** Parses {@code output} of the expansion of {@code config} and {@code filter} (null when none). */
    public static Outcome parse(String output, String config, String filter) {
        int reserveStart = output.indexOf(RESERVE_BEGIN);
        int reserveEnd = reserveStart < 0 ? -1 : output.indexOf(RESERVE_END, reserveStart);
        if (reserveEnd < 0) {
            return withoutReserve(output, config, filter);
        }
        Map<Integer, List<Itervar>> reserve = listing(output.substring(reserveStart + RESERVE_BEGIN.length(),
                reserveEnd));
        return withoutReserve(output.substring(0, reserveStart) + output.substring(reserveEnd + RESERVE_END.length()),
                config, filter).withReserve(reserve);
    }

    private static Outcome withoutReserve(String output, String config, String filter) {
        int versionStart = output.indexOf(VERSION_BEGIN);
        int versionEnd = versionStart < 0 ? -1 : output.indexOf(VERSION_END, versionStart);
        if (versionEnd < 0) {
            return runs(output, config, filter, null);
        }
        String version = SimulatorVersion.of(output.substring(versionStart + VERSION_BEGIN.length(), versionEnd));
        return runs(output.substring(0, versionStart) + output.substring(versionEnd + VERSION_END.length()), config,
                filter, version);
    }

    private static Outcome runs(String output, String config, String filter, String version) {
        int listingStart = output.indexOf(RUNS_BEGIN);
        int listingEnd = listingStart < 0 ? -1 : output.indexOf(RUNS_END, listingStart);
        if (listingEnd < 0) {
            return numbers(output, config, filter, Map.of(), version);
        }
        return numbers(output.substring(0, listingStart) + output.substring(listingEnd + RUNS_END.length()), config,
                filter, listing(output.substring(listingStart + RUNS_BEGIN.length(), listingEnd)), version);
    }

    /** The outcome of the run-number query's {@code output}, with the {@code itervars} of the listing. */
    private static Outcome numbers(String output, String config, String filter,
            Map<Integer, List<Itervar>> itervars, String version) {
        Matcher exit = EXIT_LINE.matcher(output);
        Integer exitCode = null;
        int end = output.length();
        while (exit.find()) {
            exitCode = Integer.parseInt(exit.group(1));
            end = exit.start();
        }
        String printed = output.substring(0, end);
        List<String> lines = printed.lines().toList();
        String what = "Listing the runs of config '" + config + "'"
                + (filter == null || filter.isBlank() ? "" : " with run filter '" + filter + "'");
        if (exitCode == null) {
            return Outcome.failed(what + " ended without an exit status; its output was: " + tail(lines));
        }
        List<String> errors = lines.stream().map(String::strip).filter(l -> l.startsWith("<!>")).toList();
        if (exitCode != 0 || !errors.isEmpty()) {
            String reason = errors.isEmpty() ? "exit code " + exitCode + ", output: " + tail(lines)
                    : String.join("; ", errors);
            return Outcome.failed(what + " failed: " + reason);
        }
        List<Integer> runs = new ArrayList<>();
        for (String line : lines) {
            List<String> numbers = wholeNumbers(line);
            for (String token : numbers) {
                if (token.length() > 9) {
                    String shown = token.length() > 12 ? token.substring(0, 12) + "..." : token;
                    return Outcome.failed(what + " printed the run number " + shown
                            + ", beyond what a campaign can hold.");
                }
                runs.add(Integer.parseInt(token));
            }
        }
        if (runs.isEmpty()) {
            return Outcome.failed(filter == null || filter.isBlank()
                    ? "Config '" + config + "' has no run."
                    : "The run filter '" + filter + "' selects no run of config '" + config + "'.");
        }
        return new Outcome(List.copyOf(runs), itervars, version, null);
    }

    /**
     * The tokens of a line that holds nothing but whole numbers separated by blanks (OMNeT++'s {@code -q runnumbers}
     * answer, which is one line however many runs there are), else none.
     */
    static List<String> wholeNumbers(String line) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i == n) {
                return tokens;
            }
            int start = i;
            while (i < n && line.charAt(i) >= '0' && line.charAt(i) <= '9') {
                i++;
            }
            if (i == start || (i < n && !Character.isWhitespace(line.charAt(i)))) {
                return List.of();
            }
            tokens.add(line.substring(start, i));
        }
    }

    /** The iteration variables of each {@code Run N: $a=1, $b=x} line of a {@code -q runs} listing. */
    static Map<Integer, List<Itervar>> listing(String listed) {
        Map<Integer, List<Itervar>> byRun = new HashMap<>();
        for (String line : listed.lines().map(String::strip).toList()) {
            Matcher run = RUN_LINE.matcher(line);
            if (run.matches()) {
                byRun.put(Integer.parseInt(run.group(1)), variables(run.group(2)));
            }
        }
        return byRun;
    }

    /**
     * {@code $n=1, $rho=0.5ms, $repetition=0} as (n, 1), (rho, 0.5ms), (repetition, 0): a new variable starts at each
     * {@code ", $"}; a value holding a comma not followed by {@code $} stays whole.
     */
    static List<Itervar> variables(String listed) {
        List<Itervar> variables = new ArrayList<>();
        for (String part : NEXT_VARIABLE.split(listed.strip())) {
            int equals = part.indexOf('=');
            if (part.startsWith("$") && equals > 1) {
                variables.add(new Itervar(part.substring(1, equals), part.substring(equals + 1)));
            }
        }
        return List.copyOf(variables);
    }

    private static String tail(List<String> lines) {
        List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        String text = String.join("\n", last).strip();
        return text.isEmpty() ? "(nothing)" : text;
    }
}
