package io.simswarm.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Recognises another SimSwarm service calling with a key of its own instead of a bearer token. A service that takes
 * such calls provides one bean; {@link BearerTokens} asks it first.
 */
public interface ServiceCallers {

    /** The calling service's identity; a null item when the request carries no service key; a failure for a wrong one. */
    Uni<SecurityIdentity> authenticate(RoutingContext context);
}
