package io.simswarm.events;

/**
 * Version of the event records in this package. Every event carries it in its {@code version} field; a consumer
 * reads every version from {@link #FIRST} to {@link #CURRENT} (fields added later read as null or false from
 * older events) and skips newer ones, which a newer producer wrote, with a log line.
 */
public final class EventVersion {

    /** The first version there was. */
    public static final int FIRST = 1;
    /** The version written by this code. */
    public static final int CURRENT = 1;

    private EventVersion() {
    }

    /** True when this code can read an event of {@code version}. */
    public static boolean readable(int version) {
        return version >= FIRST && version <= CURRENT;
    }
}
