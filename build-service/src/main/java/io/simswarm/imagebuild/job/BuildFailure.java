package io.simswarm.imagebuild.job;

/** A build cannot go on; the message is shown to the user as the build's {@code error}, so it names what was wrong. */
public class BuildFailure extends RuntimeException {

    public BuildFailure(String message) {
        super(message);
    }

    public BuildFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
