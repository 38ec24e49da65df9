package io.simswarm.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches a resource boundary into {@code application/problem+json}. Clients see a
 * human sentence; stack traces and class names stay in the service log.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response mapApi(ApiException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response mapViolations(ConstraintViolationException e) {
        List<String> errors = e.getConstraintViolations().stream().map(ProblemMapper::describe).sorted().toList();
        return respond(new Problem("about:blank", "Bad request", 400,
                "The request is not valid: " + String.join("; ", errors) + ".", errors));
    }

    @ServerExceptionMapper
    public Response mapUnreadableJson(JsonProcessingException e) {
        String where = e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()
                ? " at field '" + fieldPath(mismatch) + "'"
                : "";
        return respond(Problem.of(400, "Bad request", "The request body is not valid JSON for this endpoint" + where
                + ": " + e.getOriginalMessage().lines().findFirst().orElse("unreadable input") + "."));
    }

    /**
     * A JSON value of the wrong type ({@code "workers": "many"}). Quarkus has a built-in mapper for this exception
     * that is more specific than the one for {@link JsonProcessingException}, so it is taken over explicitly.
     */
    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e) {
        return mapUnreadableJson(e);
    }

    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e) {
        // a body the JSON reader could not parse reaches us wrapped in a plain 400
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException unreadable) {
                return mapUnreadableJson(unreadable);
            }
        }
        int status = e.getResponse().getStatus();
        Response.Status.Family family = Response.Status.Family.familyOf(status);
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ") ? reason : e.getMessage();
        if (family == Response.Status.Family.SERVER_ERROR) {
            Log.errorf(e, "request failed with %d", status);
        }
        return respond(Problem.of(status, reason, detail));
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response mapUnexpected(Throwable e) {
        String reference = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected failure, reference %s", reference);
        return respond(Problem.of(500, "Internal error",
                "The service failed unexpectedly; its log has the details under reference " + reference + "."));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        String field = dot >= 0 ? path.substring(dot + 1) : path;
        return field + " " + violation.getMessage();
    }

    private static String fieldPath(MismatchedInputException e) {
        return String.join(".", e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .toList());
    }
}
