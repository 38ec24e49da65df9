package io.simswarm.provisioner.cluster.rest;

/** The client side of a cluster's mutual TLS: CA certificate, client certificate and client key, PEM. */
public record DockerTlsView(String caPem, String certPem, String keyPem) {

    @Override
    public String toString() {
        return "DockerTlsView[key hidden]";
    }
}
