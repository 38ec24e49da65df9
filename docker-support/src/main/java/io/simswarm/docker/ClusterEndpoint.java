package io.simswarm.docker;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Where a cluster's Docker API answers, as {@code GET /clusters/{name}} of the provisioner tells it (among more).
 *
 * @param name       cluster name
 * @param state      READY, HALTED, ...
 * @param dockerHost Docker endpoint of the cluster's manager (unix:// or tcp://); null while it has no address yet
 * @param dockerTls  true when the endpoint needs the client certificates of {@code /clusters/{name}/docker-tls}
 * @param registry   registry (host:port) images are pushed to for the cluster; null for none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterEndpoint(String name, String state, String dockerHost, boolean dockerTls, String registry) {
}
