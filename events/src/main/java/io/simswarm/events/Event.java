package io.simswarm.events;

import java.util.UUID;

/**
 * What every event record of this package carries: its format version ({@link EventVersion}) and a unique id, by
 * which consumers recognise a redelivery.
 */
public interface Event {

    /** Format version of the record, {@link EventVersion#CURRENT} when written by this code. */
    int version();

    /** Unique id of this event; a redelivered event has the same id. */
    UUID eventId();
}
