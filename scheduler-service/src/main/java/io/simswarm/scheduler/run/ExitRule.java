package io.simswarm.scheduler.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.regex.Pattern;

/**
 * A campaign's rule for failed attempts, like AWS Batch's {@code evaluateOnExit}: when the attempt's exit code
 * matches {@code onExitCode} and a line of its output matches {@code onOutput} (each optional, at least one given),
 * the run is tried again ({@code RETRY}, while its budget lasts) or failed at once ({@code EXIT}). Both are globs:
 * {@code *} any characters, {@code ?} one; {@code onOutput} is matched against each whole line of the output tail
 * the worker reports (its last 50 lines), so {@code *out of memory*} finds the words anywhere in a line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExitRule(String onExitCode, String onOutput, ExitAction action) {

    private static final Pattern EXIT_CODE_GLOB = Pattern.compile("[0-9*?]{1,16}");
    static final int MAX_OUTPUT_GLOB = 512;

    /** Why this rule cannot be used, in a sentence, or null when it is fine. */
    public String problem() {
        if (action == null) {
            return "needs an action, RETRY or EXIT";
        }
        if (onExitCode == null && onOutput == null) {
            return "needs a condition, onExitCode or onOutput";
        }
        if (onExitCode != null && !EXIT_CODE_GLOB.matcher(onExitCode).matches()) {
            return "has onExitCode '" + onExitCode + "', which is not digits with * or ?";
        }
        if (onOutput != null && (onOutput.isEmpty() || onOutput.length() > MAX_OUTPUT_GLOB)) {
            return "has an onOutput pattern that is empty or longer than " + MAX_OUTPUT_GLOB + " characters";
        }
        if (onOutput != null && onOutput.indexOf('\u0000') >= 0) {
            return "has an onOutput pattern with a NUL character, which no output line holds";
        }
        return null;
    }

    /** True when an attempt that exited with {@code exitCode} and printed {@code output} meets this rule. */
    public boolean matches(int exitCode, String output) {
        if (onExitCode != null && !glob(onExitCode).matcher(Integer.toString(exitCode)).matches()) {
            return false;
        }
        if (onOutput == null) {
            return true;
        }
        Pattern pattern = glob(onOutput);
        return output != null && output.lines().anyMatch(line -> pattern.matcher(line).matches());
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return Pattern.compile(regex.append(Pattern.quote(literal.toString())).toString(), Pattern.DOTALL);
    }
}
