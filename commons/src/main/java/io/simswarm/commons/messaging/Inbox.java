package io.simswarm.commons.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Remembers which events a consumer has handled, so a redelivered event is recognised and skipped. Call it in
 * the same transaction as the state change the event causes: either both are committed or neither is.
 * Each service's schema has the {@code consumed_event} table (see its first Flyway migration).
 */
@ApplicationScoped
public class ConsumedEvents {

    private final EntityManager entityManager;

    public ConsumedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records that {@code consumer} handled {@code eventId}.
     *
     * @return true the first time, false for a redelivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        int inserted = entityManager.createNativeQuery(
                "insert into consumed_event (event_id, consumer, consumed_at) values (?1, ?2, now()) "
                        + "on conflict do nothing")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                .executeUpdate();
        return inserted == 1;
    }
}
