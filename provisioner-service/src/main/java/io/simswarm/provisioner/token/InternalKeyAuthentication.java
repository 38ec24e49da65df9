package io.simswarm.provisioner.token;

import io.quarkus.security.identity.SecurityIdentity;
import io.simswarm.commons.security.InternalKeys;
import io.simswarm.commons.security.Roles;
import io.simswarm.commons.security.ServiceCallers;
import io.simswarm.provisioner.config.ProvisionerConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The other SimSwarm services (scheduler, build service) look clusters up with the internal key
 * ({@link InternalKeys}): such a caller has the role {@link Roles#SERVICE}, which reads clusters and their Docker TLS
 * certificates.
 */
@ApplicationScoped
public class InternalKeyAuthentication implements ServiceCallers {

    private final ProvisionerConfig config;

    public InternalKeyAuthentication(ProvisionerConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context) {
        return InternalKeys.authenticate(context, config.internalKey());
    }
}
