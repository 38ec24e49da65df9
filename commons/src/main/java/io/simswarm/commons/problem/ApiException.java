package io.simswarm.commons.problem;

import java.util.List;

/**
 * A mistake of the caller or a state conflict, answered as {@code application/problem+json}. The message is
 * shown to the user as it is, so it must be a sentence that names what was wrong.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<String> errors;
    private final Integer retryAfterSeconds;

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiException(int status, String title, String detail, List<String> errors) {
        this(status, title, detail, errors, null);
    }

    private ApiException(int status, String title, String detail, List<String> errors, Integer retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad request", detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Forbidden", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public static ApiException tooLarge(String detail) {
        return new ApiException(413, "Payload too large", detail);
    }

    public static ApiException unavailable(String detail) {
        return new ApiException(503, "Service unavailable", detail);
    }

    /** A 503 the caller should repeat after {@code seconds}: answered with a {@code Retry-After} header. */
    public static ApiException unavailable(String detail, int seconds) {
        return new ApiException(503, "Service unavailable", detail, List.of(), seconds);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** Seconds after which the request may be repeated, for a {@code Retry-After} header; null when not said. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors);
    }
}
