package io.simswarm.scheduler.expansion;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what {@code PROGRAM -u Cmdenv -c CONFIG [-r FILTER] -s -q runnumbers} printed (stdout and stderr merged,
 * followed by the {@code simswarm-exit=N} line of the expansion script): the selected run numbers, or why none.
 */
public final class RunNumbers {

    /** The last line of the expansion job's output: the exit status of the query. */
    public static final String EXIT_MARKER = "simswarm-exit=";

    private static final Pattern NUMBERS_LINE = Pattern.compile("\\s*\\d+(\\s+\\d+)*\\s*");
    private static final Pattern EXIT_LINE = Pattern.compile("^" + EXIT_MARKER + "(\\d+)\\s*$", Pattern.MULTILINE);
    private static final int TAIL_LINES = 20;

    private RunNumbers() {
    }

    /**
     * The outcome of an expansion.
     *
     * @param runs  the run numbers, in the order printed; empty on failure
     * @param error why the expansion failed, a sentence for the user; null on success
     */
    public record Outcome(List<Integer> runs, String error) {

        static Outcome failed(String error) {
            return new Outcome(List.of(), error);
        }

        public boolean failed() {
            return error != null;
        }
    }

    /** Parses {@code output} of the query for {@code config} and {@code filter} (null when none). */
    public static Outcome parse(String output, String config, String filter) {
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
            if (NUMBERS_LINE.matcher(line).matches()) {
                for (String token : line.strip().split("\\s+")) {
                    runs.add(Integer.parseInt(token));
                }
            }
        }
        if (runs.isEmpty()) {
            return Outcome.failed(filter == null || filter.isBlank()
                    ? "Config '" + config + "' has no run."
                    : "The run filter '" + filter + "' selects no run of config '" + config + "'.");
        }
        return new Outcome(List.copyOf(runs), null);
    }

    private static String tail(List<String> lines) {
        List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
        String text = String.join("\n", last).strip();
        return text.isEmpty() ? "(nothing)" : text;
    }
}
