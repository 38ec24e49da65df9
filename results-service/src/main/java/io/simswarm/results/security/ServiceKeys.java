package io.simswarm.results.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.simswarm.commons.security.InternalKeys;
import io.simswarm.commons.security.Roles;
import io.simswarm.commons.security.ServiceCallers;
import io.simswarm.results.config.ResultsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The scheduler reads the aggregated scalars of a campaign's points with the internal key ({@link InternalKeys}),
 * as {@link Roles#SERVICE}, which may read and nothing else.
 */
@ApplicationScoped
public class ServiceKeys implements ServiceCallers {

    private final ResultsConfig config;

    public ServiceKeys(ResultsConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context) {
        return InternalKeys.authenticate(context, config.internalKey());
    }
}
