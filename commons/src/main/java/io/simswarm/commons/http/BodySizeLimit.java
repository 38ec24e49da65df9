package io.simswarm.commons.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.simswarm.commons.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers a request whose declared body is larger than {@code quarkus.http.limits.max-body-size} with a 413 and a
 * sentence, like every other refusal. Quarkus' own check (at {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}) would
 * end it with an empty 413 before any exception mapper sees it, so this one runs just before it. Like Quarkus, it
 * closes the connection afterwards rather than read the body.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final long limit;

    public BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
            MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        String declared = context.request().getHeader("Content-Length");
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = -1; // Vert.x refuses a malformed length itself
        }
        if (length <= limit) {
            context.next();
            return;
        }
        Problem problem = Problem.of(413, "Payload too large", "The request body of " + length + " bytes is larger"
                + " than the " + limit + " bytes this service takes.");
        context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Connection", "close")
                .endHandler(ended -> context.request().connection().close())
                .end(Json.encode(problem));
    }
}
