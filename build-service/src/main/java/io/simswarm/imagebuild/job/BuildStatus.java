package io.simswarm.imagebuild.job;

/** Where a build is in its life. */
public enum BuildStatus {
    /** Accepted, waiting for a worker. */
    QUEUED,
    /** A worker resolves the ref and fetches the sources. */
    CLONING,
    /** The image is being built (or an identical build is awaited). */
    BUILDING,
    /** The image is ready; {@code image} names it. */
    SUCCEEDED,
    /** The build ended without an image; {@code error} says why. */
    FAILED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
