package io.simswarm.docker;

import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns a failed call to a Docker engine into a reason a user understands. Mutual TLS fails in ways whose Java
 * messages say little ("PKIX path building failed", "Broken pipe"); these are named for what they mean.
 */
public final class DockerErrors {

    private static final String PLAIN_TO_TLS = "Client sent an HTTP request to an HTTPS server";
    /** How a refused client certificate shows on the client under TLS 1.3: the server ends the connection. */
    private static final List<String> ENDED_CONNECTION = List.of("fatal alert", "terminated the handshake",
            "Broken pipe", "Connection reset");

    private DockerErrors() {
    }

    /** Why a call to {@code endpoint} failed, as a phrase to put after "... is not reachable: ". */
    public static String reason(DockerEndpoint endpoint, Throwable failure) {
        String innermost = innermostMessage(failure);
        if (innermost.contains(PLAIN_TO_TLS)) {
            return "it accepts only TLS connections with a client certificate, and this client sent none (the engine"
                    + " answered: " + PLAIN_TO_TLS + "); the cluster's certificates are needed (dockerTls)";
        }
        if (endpoint.tls() == null) {
            return innermost;
        }
        Throwable tlsFailure = find(failure, SSLException.class);
        if (find(failure, SSLPeerUnverifiedException.class) != null
                || innermost.toLowerCase(Locale.ROOT).contains("subject alternative names")) {
            return "the engine's certificate is not made out to this address (" + innermost + ")";
        }
        if (tlsFailure instanceof SSLHandshakeException && innermost.contains("certification path")) {
            return "the engine's certificate is not signed by the CA of the TLS material; are these the certificates"
                    + " of another cluster? (" + innermost + ")";
        }
        if (ENDED_CONNECTION.stream().anyMatch(innermost::contains)) {
            return "the engine ended the TLS connection (" + innermost + "), which is how it refuses a client"
                    + " certificate its CA did not issue; are these the certificates of another cluster?";
        }
        return tlsFailure != null ? "the TLS handshake failed: " + innermost : innermost;
    }

    /** The innermost message of a failure, which usually says what went wrong. */
    public static String innermostMessage(Throwable failure) {
        String message = null;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        return message == null ? "no reason was given" : message.strip();
    }

    private static Throwable find(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }
}
