package io.simswarm.provisioner.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the provisioner service ({@code simswarm.provisioner.*}). */
@ConfigMapping(prefix = "simswarm.provisioner")
public interface ProvisionerConfig {

    /** The cluster on this machine's own Docker engine. */
    Local local();

    /** Largest number of workers a cluster may have. */
    @WithDefault("50")
    int maxWorkers();

    /** Settings of the {@code local} cluster. */
    interface Local {

        /** Docker endpoint of the local engine. */
        @WithDefault("unix:///var/run/docker.sock")
        String dockerHost();

        /** Address the swarm advertises when the provisioner initialises it. */
        @WithDefault("127.0.0.1")
        String advertiseAddress();
    }
}
