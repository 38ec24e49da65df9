package io.simswarm.provisioner.token;

import static io.simswarm.docker.ProvisionerClient.INTERNAL_KEY_HEADER;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.simswarm.commons.security.Roles;
import io.simswarm.commons.security.ServiceCallers;
import io.simswarm.provisioner.config.ProvisionerConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The other SimSwarm services (scheduler, build service) look clusters up with the internal key
 * ({@code SIMSWARM_INTERNAL_KEY}) in the header {@value io.simswarm.docker.ProvisionerClient#INTERNAL_KEY_HEADER}
 * instead of a bearer token: a request carrying the right key is the principal {@value #PRINCIPAL} with the role
 * {@link Roles#SERVICE}, which reads clusters and their Docker TLS certificates. A request without the header is left
 * to the bearer token mechanism; a wrong key is refused.
 */
@ApplicationScoped
public class InternalKeyAuthentication implements ServiceCallers {

    public static final String PRINCIPAL = "simswarm-service";

    private final ProvisionerConfig config;

    public InternalKeyAuthentication(ProvisionerConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context) {
        String key = context.request().getHeader(INTERNAL_KEY_HEADER);
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        String expected = config.internalKey().filter(value -> !value.isBlank()).orElse(null);
        if (expected == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8))) {
            return Uni.createFrom().failure(new AuthenticationFailedException("wrong internal key"));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(PRINCIPAL)).addRole(Roles.SERVICE).build());
    }
}
