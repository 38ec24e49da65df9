package io.simswarm.scheduler.docker;

/** The Docker endpoint of a cluster cannot be reached or refused a request; the message names which and why. */
public class DockerUnavailableException extends RuntimeException {

    public DockerUnavailableException(String message) {
        super(message);
    }

    public DockerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
