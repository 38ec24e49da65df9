package io.simswarm.cli.campaign;

import io.simswarm.cli.CliException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code --until} target as the scheduler takes it ({@code until} of {@code POST /campaigns}):
 * {@code NAME ci95<=LIMIT}, the 95% confidence interval's half-width of scalar NAME at most LIMIT, absolute or, with
 * {@code %}, relative to the mean's magnitude. The scheduler reads the targets with the same grammar.
 */
record PrecisionTarget(String name, double limit, boolean relative) {

    static final int MAX_TARGETS = 8;
    static final int MAX_NAME = 200;

    private static final Pattern GRAMMAR = Pattern.compile(
            "^\\s*(\\S.*?)\\s+ci95\\s*<=\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*(%?)\\s*$");

    /** The target written in {@code text}, or empty when it does not follow the grammar or its limit is not above 0. */
    static Optional<PrecisionTarget> of(String text) {
        Matcher target = GRAMMAR.matcher(text);
        if (!target.matches()) {
            return Optional.empty();
        }
        double limit = Double.parseDouble(target.group(2));
        if (!(limit > 0) || Double.isInfinite(limit) || target.group(1).length() > MAX_NAME) {
            return Optional.empty();
        }
        return Optional.of(new PrecisionTarget(target.group(1), limit, !target.group(3).isEmpty()));
    }

    /** The targets of the {@code --until} options, each checked, so that a typing mistake is one line naming it. */
    static List<PrecisionTarget> parseAll(List<String> options) {
        if (options.size() > MAX_TARGETS) {
            throw usage("--until is given " + options.size() + " times: at most " + MAX_TARGETS + " targets");
        }
        return options.stream().map(PrecisionTarget::parse).toList();
    }

    static PrecisionTarget parse(String option) {
        Matcher target = GRAMMAR.matcher(option);
        if (!target.matches()) {
            throw usage("--until '" + option + "' is not a target: write NAME ci95<=LIMIT, LIMIT a number, absolute"
                    + " or with % of the mean, e.g. 'queueingTime:mean ci95<=2%'");
        }
        if (target.group(1).length() > MAX_NAME) {
            throw usage("--until names a scalar of " + target.group(1).length() + " characters: at most " + MAX_NAME);
        }
        return of(option).orElseThrow(() -> usage("--until '" + option + "' has the limit " + target.group(2)
                + target.group(3) + ": the limit must be a number above 0"));
    }

    private static CliException usage(String message) {
        return new CliException(message, 2);
    }
}
