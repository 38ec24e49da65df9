package io.simswarm.cli.http;

import io.simswarm.cli.CliException;

/**
 * A service that could not be reached, or answered 502, 503 or 504: a failure that may pass, so that a caller
 * following a campaign tries again ({@link Reconnect}); any other caller reports it as it is.
 */
public class ServiceUnavailableException extends CliException {

    private final Service service;
    private final String reason;

    ServiceUnavailableException(Service service, String message, String reason) {
        super(message);
        this.service = service;
        this.reason = reason;
    }

    public Service service() {
        return service;
    }

    /** What went wrong, short: "connection refused or timed out", "HTTP 503". */
    public String reason() {
        return reason;
    }
}
