package io.simswarm.docker;

import java.util.Objects;

/**
 * Where a Docker API answers: {@code unix://...} or {@code tcp://HOST:PORT}, with the client's TLS material for a
 * {@code tcp://} endpoint that needs it (null otherwise).
 */
public record DockerEndpoint(String host, TlsMaterial tls) {

    public DockerEndpoint {
        Objects.requireNonNull(host, "host");
        if (tls != null && !host.startsWith("tcp://")) {
            throw new IllegalArgumentException("TLS needs a tcp:// endpoint, not " + host);
        }
    }

    public static DockerEndpoint plain(String host) {
        return new DockerEndpoint(host, null);
    }

    @Override
    public String toString() {
        return host + (tls == null ? "" : " (TLS)");
    }
}
