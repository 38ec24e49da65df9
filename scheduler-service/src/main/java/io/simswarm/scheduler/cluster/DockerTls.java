package io.simswarm.scheduler.cluster;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Client certificates for a cluster's Docker endpoint, as {@code GET /clusters/{name}/docker-tls} answers them.
 *
 * @param ca   PEM of the CA that signed the engine's certificate
 * @param cert PEM of the client certificate
 * @param key  PEM of the client's private key
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DockerTls(@JsonAlias("caPem") String ca, @JsonAlias("certPem") String cert,
        @JsonAlias("keyPem") String key) {

    @Override
    public String toString() {
        return "DockerTls[key hidden]";
    }
}
