package io.simswarm.commons.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.events.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * The one way a service publishes an event: the event is written to the service's {@code outbox} table in the
 * transaction of the state change it announces, so it exists exactly when that change was committed; the
 * {@link OutboxRelay} sends it to Kafka afterwards and deletes it once Kafka has acknowledged it. A service killed
 * between its commit and the send loses nothing: the next relay (after a restart, or another replica's) sends it.
 * Delivery is therefore at least once, and consumers take events through the {@link Inbox}.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager entityManager, ObjectMapper json, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay) {
        this.entityManager = entityManager;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Publishes {@code event} on {@code topic} (one of {@code io.simswarm.events.Topics}) with record key {@code key}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(String topic, String key, Event event) {
        publishAll(topic, List.of(new Keyed(key, event)));
    }

    /** Publishes several events on one topic, in this order, with one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(String topic, List<Keyed> events) {
        if (events.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into outbox (event_id, topic, record_key, payload) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?)");
        }
        var insert = entityManager.createNativeQuery(sql.toString());
        int parameter = 1;
        for (Keyed keyed : events) {
            insert.setParameter(parameter++, keyed.event().eventId());
            insert.setParameter(parameter++, topic);
            insert.setParameter(parameter++, keyed.key());
            insert.setParameter(parameter++, payload(keyed.event()));
        }
        insert.executeUpdate();
        transactions.registerInterposedSynchronization(new NudgeAfterCommit(relay));
    }

    private String payload(Event event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.eventId() + " cannot be written as JSON", e);
        }
    }

    /** An event with its record key. */
    public record Keyed(String key, Event event) {
    }

    /** Wakes the relay once the transaction that wrote events has been committed, so they leave at once. */
    private record NudgeAfterCommit(OutboxRelay relay) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.nudge();
            }
        }
    }
}
