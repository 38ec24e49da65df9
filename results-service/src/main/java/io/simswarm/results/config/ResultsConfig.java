package io.simswarm.results.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the results service ({@code simswarm.results.*}). */
@ConfigMapping(prefix = "simswarm.results")
public interface ResultsConfig {

    /** Secret shared with the scheduler; upload tokens are verified with it. */
    String tokenSecret();

    /** Largest accepted upload of one run, in bytes. */
    @WithDefault("1073741824")
    long maxUploadBytes();
}
