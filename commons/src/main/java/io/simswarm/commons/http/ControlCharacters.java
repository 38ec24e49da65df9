package io.simswarm.commons.http;

import io.simswarm.commons.problem.Problem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a request whose path or query parameters hold control characters (once decoded, e.g. {@code %00}): no id,
 * name or filter of SimSwarm has one, and PostgreSQL cannot even compare a text holding a NUL character, so such a
 * value would otherwise fail its query instead of finding nothing.
 */
public class ControlCharacters {

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> refuse(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (hasControl(path)) {
            return Optional.of(refusal("The request's path contains a control character; ids and names have none."));
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (hasControl(parameter.getKey()) || parameter.getValue().stream().anyMatch(ControlCharacters::hasControl)) {
                return Optional.of(refusal("The query parameter '" + printable(parameter.getKey()) + "' contains a"
                        + " control character; ids, names and filters have none."));
            }
        }
        return Optional.empty();
    }

    static boolean hasControl(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    private static Response refusal(String detail) {
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(Problem.of(400, "Bad request", detail)).build();
    }
}
