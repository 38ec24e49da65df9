package io.simswarm.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches a resource boundary into {@code application/problem+json}. Clients see a
 * human sentence; stack traces and class names stay in the service log.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response mapApi(ApiException e) {
        Response response = respond(e.toProblem());
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response mapViolations(ConstraintViolationException e) {
        if (e.getConstraintViolations().stream().anyMatch(ProblemMapper::missingBody)) {
            return respond(Problem.of(400, "Bad request", "The request body is missing: send the JSON object this "
                    + "endpoint takes, with Content-Type: application/json."));
        }
        List<String> errors = e.getConstraintViolations().stream().map(ProblemMapper::describe).sorted().toList();
        return respond(new Problem("about:blank", "Bad request", 400,
                "The request is not valid: " + String.join("; ", errors) + ".", errors));
    }

    @ServerExceptionMapper
    public Response mapUnreadableJson(JsonProcessingException e) {
        return respond(Problem.of(400, "Bad request", JsonProblems.detail(e)));
    }

    /**
     * A JSON value of the wrong type ({@code "workers": "many"}). Quarkus has a built-in mapper for this exception
     * that is more specific than the one for {@link JsonProcessingException}, so it is taken over explicitly.
     */
    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e) {
        return mapUnreadableJson(e);
    }

    public Response mapWebApplication(WebApplicationException e) {
        return mapWebApplication(e, null);
    }

    /**
     * The framework's refusals (no such path, method or body type) and a resource's own; {@code request} is null
     * outside a request.
     */
    @ServerExceptionMapper
    public Response mapWebApplication(WebApplicationException e, ContainerRequestContext request) {
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
        if (request != null && e instanceof NotSupportedException) {
            detail = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + " does not take a"
                    + " body of type '" + mediaType(request) + "': send the Content-Type its API document (/q/openapi)"
                    + " names, application/json for a JSON body.";
        } else if (request != null && e instanceof NotAllowedException) {
            detail = request.getUriInfo().getRequestUri().getRawPath() + " does not answer " + request.getMethod()
                    + allowed(e.getResponse()) + ".";
        } else if (request != null && e instanceof NotAcceptableException) {
            detail = request.getMethod() + " " + request.getUriInfo().getRequestUri().getRawPath() + " cannot answer in"
                    + " a type the Accept header '" + request.getHeaderString("Accept") + "' allows; its API document"
                    + " (/q/openapi) names the types it answers with.";
        } else if (request != null && e instanceof NotFoundException) {
            // the services answer their own 404s with ApiException: this one is the framework's, no such path
            detail = "There is nothing at " + request.getMethod() + " " + request.getUriInfo().getRequestUri()
                    .getRawPath() + ".";
        }
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

    private static String mediaType(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        return type == null ? "none" : type.getType() + "/" + type.getSubtype();
    }

    private static String allowed(Response response) {
        Set<String> methods = response.getAllowedMethods();
        return methods == null || methods.isEmpty() ? "" : "; it answers " + String.join(", ", new TreeSet<>(methods));
    }

    /** True for a body parameter that must not be null and is: the request had no body. */
    private static boolean missingBody(ConstraintViolation<?> violation) {
        if (violation.getInvalidValue() != null || violation.getRootBeanClass() == null) {
            return false;
        }
        Path.MethodNode method = null;
        Path.Node last = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            }
            last = node;
        }
        if (method == null || last.getKind() != ElementKind.PARAMETER) {
            return false;
        }
        Class<?>[] types = method.getParameterTypes().toArray(Class<?>[]::new);
        int index = last.as(Path.ParameterNode.class).getParameterIndex();
        Method declared = null;
        // the topmost declaration carries the JAX-RS annotations (a generated subclass may override it)
        for (Class<?> type = violation.getRootBeanClass(); type != null; type = type.getSuperclass()) {
            try {
                declared = type.getDeclaredMethod(method.getName(), types);
            } catch (NoSuchMethodException e) {
                // not declared at this level
            }
        }
        return declared != null && Arrays.stream(declared.getParameterAnnotations()[index])
                .noneMatch(annotation -> annotation.annotationType().getPackageName().startsWith("jakarta.ws.rs")
                        || annotation.annotationType().getPackageName().startsWith("org.jboss.resteasy"));
    }
}
