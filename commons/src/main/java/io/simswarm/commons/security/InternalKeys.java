package io.simswarm.commons.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * SimSwarm services call one another with the internal key ({@code SIMSWARM_INTERNAL_KEY}) in the header
 * {@value #HEADER} instead of a bearer token. A request carrying the right key is the principal {@value #PRINCIPAL}
 * with the role {@link Roles#SERVICE}; a request without the header is left to the bearer tokens; a wrong key, or
 * any key when the service has none configured, is refused.
 */
public final class InternalKeys {

    public static final String HEADER = "X-SimSwarm-Internal-Key";
    public static final String PRINCIPAL = "simswarm-service";

    private InternalKeys() {
    }

    /** The caller as {@link ServiceCallers#authenticate} answers it, checked against the service's own key. */
    public static Uni<SecurityIdentity> authenticate(RoutingContext context, Optional<String> configured) {
        String key = context.request().getHeader(HEADER);
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        String expected = configured.filter(value -> !value.isBlank()).orElse(null);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("wrong internal key"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(PRINCIPAL)).addRole(Roles.SERVICE).build());
    }
}
