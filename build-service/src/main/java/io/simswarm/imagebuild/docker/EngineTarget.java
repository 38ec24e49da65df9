package io.simswarm.imagebuild.docker;

/**
 * The Docker engine a build uses: its endpoint (unix:// or tcp://) and, for an endpoint that needs mutual TLS, the
 * cluster whose client certificates the provisioner hands out.
 *
 * @param host    unix:// or tcp:// endpoint
 * @param cluster cluster the endpoint belongs to; null when unknown (then it cannot need TLS)
 * @param tls     true when the endpoint needs the cluster's client certificates
 */
public record EngineTarget(String host, String cluster, boolean tls) {

    /** An engine reached without certificates. */
    public static EngineTarget plain(String host) {
        return new EngineTarget(host, null, false);
    }

    @Override
    public String toString() {
        return host;
    }
}
