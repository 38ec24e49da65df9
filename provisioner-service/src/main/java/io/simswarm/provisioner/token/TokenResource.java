package io.simswarm.provisioner.token;

import io.quarkus.logging.Log;
import io.quarkus.security.identity.SecurityIdentity;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.commons.security.AccessTokens;
import io.smallrye.jwt.build.JwtException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;

/** Issues bearer tokens (admin only, by the path policy): the provisioner is the one service holding the signing key. */
@Path("/tokens")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(30);
    /** The longest a token may be valid: a year; a holder who needs longer asks for a new one. */
    static final Duration MAX_LIFETIME = Duration.ofDays(365);

    private final SecurityIdentity caller;

    public TokenResource(SecurityIdentity caller) {
        this.caller = caller;
    }

    @POST
    public Response create(@Valid @NotNull TokenRequest request) {
        Duration lifetime = request.expires() == null ? DEFAULT_LIFETIME : lifetime(request.expires());
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw ApiException.badRequest("expires must be at most " + MAX_LIFETIME.toDays() + "d, not "
                    + request.expires() + ".");
        }
        String token;
        try {
            token = AccessTokens.sign(request.name(), request.role(), lifetime);
        } catch (JwtException e) {
            Log.errorf("cannot sign a token: %s", e.getMessage());
            throw ApiException.unavailable("The provisioner cannot sign tokens: SIMSWARM_JWT_PRIVATE_KEY must name the"
                    + " file of its private key (PEM).");
        }
        Log.infof("%s issued a %s token for '%s', valid %s", caller.getPrincipal().getName(), request.role(),
                request.name(), lifetime);
        return Response.status(Response.Status.CREATED)
                .entity(new IssuedToken(request.name(), request.role(), Instant.now().plus(lifetime), token)).build();
    }

    /** "30d", "12h", "90m" as a duration. */
    static Duration lifetime(String expires) {
        long amount = Long.parseLong(expires.substring(0, expires.length() - 1));
        return switch (expires.charAt(expires.length() - 1)) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
