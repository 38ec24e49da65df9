package io.simswarm.commons.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.simswarm.commons.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import java.util.TreeSet;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Answers a request without a valid token (401) or with a role that does not allow it (403) with
 * {@code application/problem+json} and a sentence, whether the path policy refused it before any resource ran or a
 * resource did.
 */
@ApplicationScoped
public class SecurityProblems {

    static final String NO_TOKEN = "This request needs a bearer token: send 'Authorization: Bearer TOKEN'"
            + " (an admin creates one with 'simswarm token create NAME --role ROLE').";
    static final String BAD_TOKEN = "The bearer token was refused: it is expired, malformed, or not signed by this"
            + " SimSwarm's key.";

    void register(@Observes Router router) {
        router.route().order(-1_000).failureHandler(this::handle);
    }

    private void handle(RoutingContext context) {
        Problem problem = problemFor(context.failure(), identityOf(context), context.request().method().name(),
                context.request().path());
        if (problem == null) {
            context.next();
            return;
        }
        if (context.response().headWritten()) {
            return; // the challenge has been answered already
        }
        if (problem.status() == 401) {
            context.response().putHeader("WWW-Authenticate", "Bearer realm=\"simswarm\"");
        }
        context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }

    @ServerExceptionMapper
    public Response mapUnauthorized(UnauthorizedException e) {
        return respond(problemFor(e, null, null, null));
    }

    @ServerExceptionMapper
    public Response mapAuthenticationFailed(AuthenticationFailedException e) {
        return respond(problemFor(e, null, null, null));
    }

    @ServerExceptionMapper
    public Response mapForbidden(ForbiddenException e) {
        return respond(problemFor(e, null, null, null));
    }

    private static Response respond(Problem problem) {
        Response.ResponseBuilder answer = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            answer.header("WWW-Authenticate", "Bearer realm=\"simswarm\"");
        }
        return answer.build();
    }

    /** The problem for a security failure; null for any other failure. */
    static Problem problemFor(Throwable failure, SecurityIdentity identity, String method, String path) {
        if (failure instanceof AuthenticationFailedException) {
            return Problem.of(401, "Unauthorized", BAD_TOKEN);
        }
        if (failure instanceof UnauthorizedException) {
            return Problem.of(401, "Unauthorized", NO_TOKEN);
        }
        if (failure instanceof ForbiddenException) {
            if (identity == null || identity.isAnonymous()) {
                return Problem.of(403, "Forbidden", "Your token's role does not allow this request.");
            }
            String roles = String.join(", ", new TreeSet<>(identity.getRoles()));
            return Problem.of(403, "Forbidden", "The token of '" + identity.getPrincipal().getName() + "' (role "
                    + (roles.isEmpty() ? "none" : roles) + ") does not allow " + method + " " + path + ".");
        }
        return null;
    }

    private static SecurityIdentity identityOf(RoutingContext context) {
        return context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }
}
