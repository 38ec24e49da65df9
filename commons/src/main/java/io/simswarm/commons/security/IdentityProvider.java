package io.simswarm.commons.security;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The OpenID Connect identity provider whose access tokens the services accept beside their own, when
 * {@code SIMSWARM_OIDC_URL} names one (quarkus-oidc verifies them with the keys the provider publishes). Its tokens
 * carry the SimSwarm roles in {@code SIMSWARM_OIDC_ROLES_CLAIM} (default {@code groups}) and, when
 * {@code SIMSWARM_OIDC_AUDIENCE} is set, must be meant for that audience. Which tokens are its: those whose issuer is
 * not the services' own ({@link #isItsToken}).
 */
@ApplicationScoped
public class IdentityProvider implements TenantConfigResolver {

    private static final String TENANT = "identity-provider";

    private final Optional<OidcTenantConfig> tenant;
    private final String ownIssuer;

    public IdentityProvider(@ConfigProperty(name = "simswarm.oidc.url") Optional<String> url,
            @ConfigProperty(name = "simswarm.oidc.roles-claim", defaultValue = "groups") String rolesClaim,
            @ConfigProperty(name = "simswarm.oidc.audience") Optional<String> audience,
            @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "simswarm") String ownIssuer) {
        this.ownIssuer = ownIssuer;
        this.tenant = url.filter(u -> !u.isBlank()).map(u -> {
            var token = OidcTenantConfig.authServerUrl(u).tenantId(TENANT).applicationType(ApplicationType.SERVICE)
                    .roles().roleClaimPath(rolesClaim).end()
                    .token();
            audience.filter(a -> !a.isBlank()).ifPresent(token::audience);
            return token.end().build();
        });
    }

    /**
     * Whether the bearer token of {@code authorization} (the header's value) is for the identity provider to verify:
     * one is configured and the token, read without checking its signature, names another issuer than the services'.
     */
    public boolean isItsToken(String authorization) {
        if (tenant.isEmpty() || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String issuer = issuerOf(authorization.substring(7).trim());
        return issuer != null && !issuer.equals(ownIssuer);
    }

    /** The {@code iss} claim of a JWT, unverified; null when the token is not a JWT or names none. */
    static String issuerOf(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            Object issuer = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                    .getValue("iss");
            return issuer instanceof String s ? s : null;
        } catch (RuntimeException notAJwt) {
            return null;
        }
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> request) {
        return Uni.createFrom().item(tenant.orElse(null));
    }
}
