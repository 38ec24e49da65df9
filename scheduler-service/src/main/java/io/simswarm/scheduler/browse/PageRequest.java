package io.simswarm.scheduler.browse;

import io.simswarm.commons.problem.ApiException;

/** Where a page starts and how long it is, as asked for, checked against the largest page served. */
public record PageRequest(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    /** The page asked for with the query parameters {@code offset} and {@code limit} (either may be absent). */
    public static PageRequest of(String offset, String limit) {
        int from = offset == null || offset.isBlank() ? 0 : number("offset", offset);
        int size = limit == null || limit.isBlank() ? DEFAULT_LIMIT : number("limit", limit);
        if (from < 0) {
            throw ApiException.badRequest("offset must be 0 or more, not " + from + ".");
        }
        if (size < 1 || size > MAX_LIMIT) {
            throw ApiException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", not " + size + ".");
        }
        return new PageRequest(from, size);
    }

    private static int number(String name, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, not '" + text + "'.");
        }
    }
}
