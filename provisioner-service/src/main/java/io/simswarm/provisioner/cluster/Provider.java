package io.simswarm.provisioner.cluster;

import io.simswarm.commons.problem.ApiException;
import java.util.Locale;

/** Where a cluster's machines come from. */
public enum Provider {
    /** This machine's own Docker engine, as a swarm. */
    LOCAL,
    /** EC2 instances. */
    AWS,
    /**
     * A swarm made elsewhere (machines of a lab, namespace nodes), reached at its manager's Docker endpoint:
     * SimSwarm uses it but neither starts nor stops its machines.
     */
    EXISTING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The provider named {@code id}; a 400 answer for an unknown one. */
    public static Provider parse(String id) {
        for (Provider provider : values()) {
            if (provider.id().equals(id)) {
                return provider;
            }
        }
        throw ApiException.badRequest("Unknown provider '" + id + "': use 'local', 'aws' or 'existing'.");
    }
}
