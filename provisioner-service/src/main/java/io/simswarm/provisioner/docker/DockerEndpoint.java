package io.simswarm.provisioner.docker;

import io.simswarm.provisioner.tls.TlsMaterial;

/**
 * Where a cluster's Docker API answers: {@code unix://...} or {@code tcp://HOST:PORT}, with the client's TLS
 * material for a {@code tcp://} endpoint that needs it (null otherwise).
 */
public record DockerEndpoint(String host, TlsMaterial tls) {

    public static DockerEndpoint plain(String host) {
        return new DockerEndpoint(host, null);
    }

    @Override
    public String toString() {
        return host + (tls == null ? "" : " (TLS)");
    }
}
