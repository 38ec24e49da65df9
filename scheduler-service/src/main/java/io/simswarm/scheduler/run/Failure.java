package io.simswarm.scheduler.run;

import java.util.List;
import java.util.Optional;

/**
 * A failed attempt as the worker reported it, classified: its {@link FailureClass}, OMNeT++'s error message for a
 * model error, and what the campaign's rules (else the class's default) make of it.
 *
 * @param failureClass why it failed
 * @param message      the {@code <!> Error} line of a model error, else null
 * @param action       retry or fail the run
 * @param rule         the exit rule that decided, or null when the class's default did
 */
public record Failure(FailureClass failureClass, String message, ExitAction action, ExitRule rule) {

    private static final int MAX_MESSAGE = 2_000;

    /**
     * Classifies an attempt that exited with a non-zero {@code exitCode} (124: killed at {@code timeoutSeconds}) and
     * printed {@code output}, and decides with the first of {@code rules} that matches.
     */
    public static Failure of(int exitCode, String output, int timeoutSeconds, List<ExitRule> rules) {
        Optional<String> error = modelError(output);
        FailureClass failureClass = exitCode != 0 && error.isPresent() ? FailureClass.MODEL_ERROR
                : exitCode == 124 && timeoutSeconds > 0 ? FailureClass.TIMEOUT
                : FailureClass.EXIT_CODE;
        ExitRule rule = rules == null ? null
                : rules.stream().filter(r -> r.matches(exitCode, output)).findFirst().orElse(null);
        return new Failure(failureClass, failureClass == FailureClass.MODEL_ERROR ? error.get() : null,
                rule == null ? failureClass.byDefault() : rule.action(), rule);
    }

    /** The first line of OMNeT++'s error report ({@code <!> Error: ...}, {@code <!> Error in module ...}). */
    static Optional<String> modelError(String output) {
        if (output == null) {
            return Optional.empty();
        }
        return output.lines().map(String::strip).filter(line -> line.startsWith("<!> Error"))
                .map(line -> line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE)).findFirst();
    }

    /**
     * What the failure leads to, in words, for the run's error; empty for the ordinary case (retried within the
     * budget by default).
     */
    public String consequence() {
        if (rule != null) {
            return (action == ExitAction.EXIT ? "the run is not tried again" : "the run is tried again while its retry"
                    + " budget lasts") + " (exit rule " + describe(rule) + ")";
        }
        return action == ExitAction.EXIT ? "a model error fails the same way every time, so the run is not tried again"
                : "";
    }

    private static String describe(ExitRule rule) {
        StringBuilder text = new StringBuilder();
        if (rule.onExitCode() != null) {
            text.append("onExitCode '").append(rule.onExitCode()).append("'");
        }
        if (rule.onOutput() != null) {
            text.append(text.isEmpty() ? "" : ", ").append("onOutput '").append(rule.onOutput()).append("'");
        }
        return text.append(" -> ").append(rule.action()).toString();
    }
}
