package io.simswarm.imagebuild.support;

import io.quarkus.runtime.configuration.MemorySize;
import io.simswarm.imagebuild.config.BuildConfig;
import java.time.Duration;
import java.util.Optional;

/** The service's defaults as a plain object, for unit tests of one class. */
public class TestConfig implements BuildConfig {

    @Override
    public String dockerHost() {
        return "unix:///var/run/docker.sock";
    }

    @Override
    public String defaultBaseImage() {
        return "simswarm/toolchain:bookworm";
    }

    @Override
    public String defaultBuildCommand() {
        return "make makefiles && make MODE=release -j$(nproc)";
    }

    @Override
    public String imageRepository() {
        return "simswarm/build";
    }

    @Override
    public int workers() {
        return 1;
    }

    @Override
    public Duration timeout() {
        return Duration.ofMinutes(10);
    }

    @Override
    public MemorySize memory() {
        return new MemorySize(java.math.BigInteger.valueOf(8L << 30));
    }

    @Override
    public String campaignPattern() {
        return ".*";
    }

    @Override
    public String provisionerUrl() {
        return "http://127.0.0.1:8081";
    }

    @Override
    public String internalKey() {
        return "simswarm-internal-development-key";
    }

    @Override
    public Git git() {
        return new Git() {
            @Override
            public Optional<String> token() {
                return Optional.empty();
            }

            @Override
            public String username() {
                return "x-access-token";
            }

            @Override
            public int timeoutSeconds() {
                return 30;
            }
        };
    }

    @Override
    public Queue queue() {
        return new Queue() {
            @Override
            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration heartbeat() {
                return Duration.ofSeconds(10);
            }

            @Override
            public Duration staleAfter() {
                return Duration.ofSeconds(60);
            }

            @Override
            public int maxAttempts() {
                return 3;
            }
        };
    }
}
