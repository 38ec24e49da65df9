package io.simswarm.docker;

import java.time.Duration;

/**
 * How a client talks to a Docker engine.
 *
 * @param apiVersion      Engine API version of every request (docker-java does not negotiate it), e.g.
 *                        {@link #API_1_41}; null sends unversioned paths, which the engine serves with its own
 * @param connectTimeout  longest wait for a connection
 * @param responseTimeout longest wait for the next bytes of an answer; null for none (a silent build step may take
 *                        hours)
 * @param maxConnections  connections open to the engine at the same time, at most
 */
public record DockerClientOptions(String apiVersion, Duration connectTimeout, Duration responseTimeout,
        int maxConnections) {

    /** The API of Docker 20.10, the engine these machines and the clusters' user data install. */
    public static final String API_1_41 = "1.41";
}
