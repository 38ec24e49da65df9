package io.simswarm.docker;

/**
 * The provisioner did not hand out the client certificates of a cluster's Docker API; the message says why, as a
 * sentence a user understands. An {@link IllegalStateException}, like the one {@link TlsMaterial#sslContext()} raises
 * for certificates that cannot be used.
 */
public class DockerTlsUnavailableException extends IllegalStateException {

    public DockerTlsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
