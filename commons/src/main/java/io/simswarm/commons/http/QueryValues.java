package io.simswarm.commons.http;

import io.simswarm.commons.problem.ApiException;
import java.util.Locale;

/**
 * Query parameters read as text and parsed here, so that a value of the wrong kind is answered 400 with a sentence
 * naming the parameter and the value. (A typed JAX-RS parameter that cannot be converted is a bare 404, which reads as
 * if the path did not exist.) An absent or empty parameter is null, or false for a flag.
 */
public final class QueryValues {

    private QueryValues() {
    }

    /** A whole number (an int), or null when absent. */
    public static Integer wholeNumber(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, not '" + value + "'.");
        }
    }

    /** A finite decimal number, or null when absent. */
    public static Double decimal(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(name + " must be a number, not '" + value + "'.");
    }

    /** {@code true} or {@code false} (any case); absent or empty is false. */
    public static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(name + " must be true or false, not '" + value + "'.");
        };
    }
}
