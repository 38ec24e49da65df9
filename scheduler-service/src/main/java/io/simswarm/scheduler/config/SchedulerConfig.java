package io.simswarm.scheduler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the scheduler service ({@code simswarm.scheduler.*}). */
@ConfigMapping(prefix = "simswarm.scheduler")
public interface SchedulerConfig {

    /** Secret shared with the results service; signs each run's upload token. */
    String tokenSecret();

    /** Base URL of the provisioner service, where cluster endpoints are looked up. */
    @WithDefault("http://127.0.0.1:8081")
    String provisionerUrl();

    /** Base URL of the results service as the simulation tasks reach it. */
    @WithDefault("http://127.0.0.1:8084")
    String resultsUrl();
}
