package io.simswarm.scheduler.point;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A precision target of a campaign that repeats its parameter points until it is met: {@code NAME ci95<=LIMIT} asks
 * that the 95 % confidence interval of the mean of scalar NAME have a half-width of at most LIMIT, in the scalar's unit,
 * or of at most LIMIT percent of the mean's magnitude when LIMIT ends with {@code %}. Each module that records the
 * scalar must meet it.
 *
 * @param text     the target as written
 * @param name     the scalar's name, matched exactly
 * @param limit    the largest half-width: absolute, or percent of |mean| when {@code relative}
 * @param relative whether {@code limit} is a percentage of the mean
 */
public record Target(String text, String name, double limit, boolean relative) {

    /** The longest scalar name a target may name. */
    public static final int MAX_NAME = 200;
    /** How a target is written, for messages. */
    public static final String SYNTAX = "NAME ci95<=LIMIT, e.g. 'queueingTime:mean ci95<=2%' (half-width at most 2 % of"
            + " the mean) or 'queueingTime:mean ci95<=0.001' (in the scalar's unit)";

    private static final Pattern GRAMMAR = Pattern.compile(
            "\\s*(\\S.*?)\\s+ci95\\s*<=\\s*([0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*(%?)\\s*");

    /**
     * The target {@code text} describes.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static Target parse(String text) {
        Matcher m = GRAMMAR.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a precision target: write " + SYNTAX + ".");
        }
        String name = m.group(1);
        if (name.length() > MAX_NAME) {
            throw new IllegalArgumentException("The scalar name of a precision target must be at most " + MAX_NAME
                    + " characters, not " + name.length() + ".");
        }
        double limit = Double.parseDouble(m.group(2));
        if (!(limit > 0) || Double.isInfinite(limit)) {
            throw new IllegalArgumentException("The limit of precision target '" + text.strip()
                    + "' must be a positive number.");
        }
        return new Target(text.strip(), name, limit, !m.group(3).isEmpty());
    }

    /** The largest half-width allowed for a mean of {@code mean}; NaN when the mean is unknown for a relative target. */
    public double limitFor(Double mean) {
        if (!relative) {
            return limit;
        }
        return mean == null ? Double.NaN : limit / 100 * Math.abs(mean);
    }

    @Override
    public String toString() {
        return name + " ci95<=" + String.format(Locale.ROOT, "%s", limit) + (relative ? "%" : "");
    }
}
