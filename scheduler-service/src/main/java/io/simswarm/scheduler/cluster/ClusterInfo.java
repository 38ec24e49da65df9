package io.simswarm.scheduler.cluster;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the scheduler needs of a cluster, as {@code GET /clusters/{name}} of the provisioner answers it.
 *
 * @param name       cluster name
 * @param state      READY, HALTED, ...
 * @param dockerHost Docker endpoint of the cluster's manager (unix:// or tcp://)
 * @param dockerTls  true when the endpoint needs the client certificates of {@code /clusters/{name}/docker-tls}
 * @param registry   registry (host:port) images are pushed to for the cluster; null for none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClusterInfo(String name, String state, String dockerHost, boolean dockerTls, String registry) {
}
