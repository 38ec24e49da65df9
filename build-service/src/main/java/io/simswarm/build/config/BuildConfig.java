package io.simswarm.build.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the build service ({@code simswarm.build.*}). */
@ConfigMapping(prefix = "simswarm.build")
public interface BuildConfig {

    /** Docker endpoint images are built on when a request names none. */
    @WithDefault("unix:///var/run/docker.sock")
    String dockerHost();

    /** Image a project is built on when the request names none. */
    @WithDefault("simswarm/toolchain:bookworm")
    String defaultBaseImage();

    /** Command that compiles a project when the request names none (fits INET). */
    @WithDefault("make makefiles && make MODE=release -j$(nproc)")
    String defaultBuildCommand();
}
