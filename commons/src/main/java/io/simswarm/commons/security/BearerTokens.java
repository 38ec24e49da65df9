package io.simswarm.commons.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.smallrye.jwt.runtime.auth.JWTAuthMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.simswarm.commons.problem.Problem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import java.util.Set;

/**
 * How every service learns who calls: the bearer token mechanism of smallrye-jwt for the services' own tokens, or
 * quarkus-oidc's for a configured {@link IdentityProvider}'s, preceded by the service's {@link ServiceCallers} if it
 * has one, and whose challenge (a request without a token where one is needed) is a 401 with a problem+json sentence
 * instead of an empty body. It replaces smallrye-jwt's mechanism (an alternative).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class BearerTokens implements HttpAuthenticationMechanism {

    private final JWTAuthMechanism delegate;
    private final OidcAuthenticationMechanism oidc;
    private final IdentityProvider identityProvider;
    private final Instance<ServiceCallers> serviceCallers;

    public BearerTokens(JWTAuthMechanism delegate, OidcAuthenticationMechanism oidc, IdentityProvider identityProvider,
            Instance<ServiceCallers> serviceCallers) {
        this.delegate = delegate;
        this.oidc = oidc;
        this.identityProvider = identityProvider;
        this.serviceCallers = serviceCallers;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (serviceCallers.isResolvable()) {
            return serviceCallers.get().authenticate(context).onItem().ifNull()
                    .switchTo(() -> bearer(context, identityProviderManager));
        }
        return bearer(context, identityProviderManager);
    }

    private Uni<SecurityIdentity> bearer(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (identityProvider.isItsToken(context.request().getHeader("Authorization"))) {
            return oidc.authenticate(context, identityProviderManager);
        }
        return delegate.authenticate(context, identityProviderManager);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return delegate.getChallenge(context);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext context) {
        if (!context.response().ended()) {
            context.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer realm=\"simswarm\"")
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .end(Json.encode(Problem.of(401, "Unauthorized", SecurityProblems.NO_TOKEN)));
        }
        return Uni.createFrom().item(true);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return delegate.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return delegate.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return delegate.getPriority() + 1;
    }
}
