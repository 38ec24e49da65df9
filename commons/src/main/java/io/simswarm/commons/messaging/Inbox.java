package io.simswarm.commons.messaging;

import io.quarkus.logging.Log;
import io.simswarm.events.Event;
import io.simswarm.events.EventVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The one guard in front of every Kafka consumer: an event is taken once, if this code can read it. Delivery is at
 * least once, so {@link #accept} records the event id in the table {@code consumed_event} (each service's first
 * Flyway migration) in the same transaction as the state change the event causes: either both are committed or
 * neither is, and a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** True the first time {@code consumer} sees {@code event}, when the event is readable (see the other overload). */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends Event> boolean accept(E event, String consumer) {
        return accept(event, consumer, e -> true);
    }

    /**
     * Whether {@code consumer} is to act on {@code event}: false for a record that could not be read (null, no id), of a
     * version this code does not know ({@link EventVersion#readable}; logged), that {@code concerns} rejects (an event
     * meant for another instance, about something this service does not know; not recorded, so another instance can
     * still take it), or that was taken before. Otherwise the event is recorded as taken and the answer is true.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends Event> boolean accept(E event, String consumer, Predicate<? super E> concerns) {
        if (event == null || event.eventId() == null) {
            Log.warnf("%s: skipped a record that is not a readable event", consumer);
            return false;
        }
        if (!EventVersion.readable(event.version())) {
            Log.warnf("%s: skipped %s %s of version %d; this service reads versions %d to %d", consumer,
                    event.getClass().getSimpleName(), event.eventId(), event.version(), EventVersion.FIRST,
                    EventVersion.CURRENT);
            return false;
        }
        if (!concerns.test(event)) {
            return false;
        }
        if (!firstDelivery(event.eventId(), consumer)) {
            Log.debugf("%s: event %s was delivered again; already handled", consumer, event.eventId());
            return false;
        }
        return true;
    }

    private boolean firstDelivery(UUID eventId, String consumer) {
        int inserted = entityManager.createNativeQuery(
                "insert into consumed_event (event_id, consumer, consumed_at) values (?1, ?2, now()) "
                        + "on conflict do nothing")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                .executeUpdate();
        return inserted == 1;
    }
}
