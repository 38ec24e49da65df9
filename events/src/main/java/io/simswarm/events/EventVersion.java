package io.simswarm.events;

/**
 * Version of the event records in this package. Every event carries it in its {@code version} field;
 * consumers accept the versions they know and skip (with a log line) the ones they do not.
 */
public final class EventVersion {

    /** The version written by this code. */
    public static final int CURRENT = 1;

    private EventVersion() {
    }
}
