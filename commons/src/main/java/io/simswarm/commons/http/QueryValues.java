package io.simswarm.commons.http;

import io.simswarm.commons.problem.ApiException;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Whole numbers separated by commas ({@code 3,7,11}), at most {@code most} of them; an empty list when absent. A
     * bad item is answered as {@link #wholeNumber} answers it.
     */
    public static List<Integer> wholeNumbers(String name, String value, int most) {
        List<Integer> numbers = new ArrayList<>();
        if (value == null || value.isBlank()) {
            return numbers;
        }
        String[] items = value.split(",", -1);
        if (items.length > most) {
            throw ApiException.badRequest(name + " may list at most " + most + " numbers, not " + items.length + ".");
        }
        for (String item : items) {
            if (item.isBlank()) {
                throw ApiException.badRequest(name + " must be a whole number or a list of them like 3,7,11, not '"
                        + value + "'.");
            }
            numbers.add(wholeNumber(name, item));
        }
        return numbers;
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
