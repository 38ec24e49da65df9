package io.simswarm.imagebuild.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the build service ({@code simswarm.build.*}). */
@ConfigMapping(prefix = "simswarm.build")
public interface BuildConfig {

    /** Docker endpoint images are built on when a request names none (unix:// or tcp://). */
    @WithDefault("unix:///var/run/docker.sock")
    String dockerHost();

    /**
     * Image a project is built on when the request names none. The local quickstart uses the toolchain image
     * (deploy/images/toolchain.sh); for INET set an image with OMNeT++ 6.1 installed and on the PATH.
     */
    @WithDefault("simswarm/toolchain:bookworm")
    String defaultBaseImage();

    /** Command that compiles a project when the request names none (fits INET). */
    @WithDefault("make makefiles && make MODE=release -j$(nproc)")
    String defaultBuildCommand();

    /** Repository part of the image names this service tags its images with; the tag is a hash of the build. */
    @WithDefault("simswarm/build")
    String imageRepository();

    /** Number of builds one instance works on at the same time. */
    @WithDefault("3")
    int workers();

    /** Longest time one image build may take before it is stopped and reported as failed. */
    @WithDefault("PT2H")
    Duration timeout();

    /** Most memory the build command may use; the build itself has no network and runs as the runs' user. */
    @WithDefault("8G")
    MemorySize memory();

    /** Only build requests from Kafka whose campaign id matches this regular expression are handled. */
    @WithDefault(".*")
    String campaignPattern();

    /** Base URL of the provisioner service, where a named cluster's Docker endpoint and certificates are looked up. */
    @WithDefault("http://127.0.0.1:8081")
    String provisionerUrl();

    /** Key sent as X-SimSwarm-Internal-Key when fetching a cluster's Docker TLS certificates from the provisioner. */
    @WithDefault("simswarm-internal-development-key")
    String internalKey();

    /** Git access. */
    Git git();

    /** Build queue shared by all instances through the database. */
    Queue queue();

    /** Git access. */
    interface Git {

        /** Token sent as the password on https clones (e.g. a GitHub or GitLab access token); none by default. */
        Optional<String> token();

        /** User name sent with the token on https clones. */
        @WithDefault("x-access-token")
        String username();

        /** Seconds a git network operation may stall before it is given up. */
        @WithDefault("120")
        int timeoutSeconds();
    }

    /** Build queue shared by all instances through the database. */
    interface Queue {

        /** How often an idle worker looks for queued builds (it is also woken when one is queued here). */
        @WithDefault("PT1S")
        Duration pollInterval();

        /** How often an instance confirms it still works on the builds it claimed. */
        @WithDefault("PT10S")
        Duration heartbeat();

        /** A claimed build without a heartbeat for this long is taken over by another worker. */
        @WithDefault("PT60S")
        Duration staleAfter();

        /** Times a build is started again after its instance stopped before it is failed. */
        @WithDefault("3")
        int maxAttempts();
    }
}
