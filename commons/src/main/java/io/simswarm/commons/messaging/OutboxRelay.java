package io.simswarm.commons.messaging;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * Sends the events of the {@link Outbox} to Kafka in the order they were written, and deletes each once Kafka has
 * acknowledged it. One thread per service instance; among replicas of a service one relays at a time (a PostgreSQL
 * advisory lock per schema, held for one round), so events keep their order. An event Kafka did not acknowledge
 * stays in the table and is sent again, by this instance or, after it died, by whichever instance relays next.
 * <p>
 * The events travel on the channel {@code outbox} (configured in each service: Kafka connector, string key and
 * value serializers); each record carries its topic in its metadata.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String CHANNEL = "outbox";

    private final Emitter<String> emitter;
    private final EntityManager entityManager;
    private final OutboxConfig config;
    private final Semaphore wake = new Semaphore(0);
    /** Sent and not yet acknowledged or refused, by sequence number; only the relay thread touches it. */
    private final Map<Long, CompletableFuture<Void>> inFlight = new LinkedHashMap<>();
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 8192)
            Emitter<String> emitter, EntityManager entityManager, OutboxConfig config) {
        this.emitter = emitter;
        this.entityManager = entityManager;
        this.config = config;
    }

    void start(@Observes StartupEvent start) {
        running = true;
        thread = new Thread(this::loop, "simswarm-outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(Duration.ofSeconds(5).toMillis());
        }
    }

    /** Asks for a round soon: events were just committed. */
    public void nudge() {
        wake.release();
    }

    private void loop() {
        Duration backoff = config.interval();
        while (running) {
            Duration pause;
            try {
                Round round = QuarkusTransaction.requiringNew()
                        .timeout((int) config.ackTimeout().plusSeconds(30).toSeconds())
                        .call(this::round);
                if (round.troubled()) {
                    backoff = min(backoff.multipliedBy(2), config.maxBackoff());
                    pause = backoff;
                } else {
                    backoff = config.interval();
                    pause = round.full() ? Duration.ZERO : config.interval();
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
                pause = backoff;
                Log.warnf("outbox: a round failed (%s); next one in %d ms", e.getMessage(), pause.toMillis());
            }
            try {
                if (!pause.isZero() && wake.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One round, in one transaction: send what is waiting, wait a while for Kafka, delete what it acknowledged. */
    private Round round() {
        Object mine = entityManager.createNativeQuery(
                "select pg_try_advisory_xact_lock(hashtext('simswarm-outbox:' || current_schema()))")
                .getSingleResult();
        if (!Boolean.TRUE.equals(mine)) {
            return new Round(false, false); // another instance of this service relays now
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select seq, event_id, topic, record_key, payload"
                + " from outbox order by seq limit ?1")
                .setParameter(1, config.batchSize() + inFlight.size())
                .getResultList();
        Set<Long> present = new HashSet<>();
        int sent = 0;
        for (Object[] row : rows) {
            long seq = ((Number) row[0]).longValue();
            present.add(seq);
            if (!inFlight.containsKey(seq) && sent < config.batchSize()) {
                inFlight.put(seq, send((String) row[2], (String) row[3], (String) row[4]));
                sent++;
            }
        }
        inFlight.keySet().retainAll(present); // deleted meanwhile by another instance
        awaitAcks();
        List<Long> acknowledged = new ArrayList<>();
        int refused = 0;
        for (var entry : new ArrayList<>(inFlight.entrySet())) {
            CompletableFuture<Void> ack = entry.getValue();
            if (!ack.isDone()) {
                continue;
            }
            inFlight.remove(entry.getKey());
            if (ack.isCompletedExceptionally()) {
                refused++;
            } else {
                acknowledged.add(entry.getKey());
            }
        }
        if (!acknowledged.isEmpty()) {
            entityManager.createNativeQuery("delete from outbox where seq in (?1)")
                    .setParameter(1, acknowledged)
                    .executeUpdate();
        }
        if (refused > 0 || !inFlight.isEmpty()) {
            Log.warnf("outbox: Kafka acknowledged %d event(s), refused %d, %d still unacknowledged; they are sent"
                    + " again", acknowledged.size(), refused, inFlight.size());
            return new Round(false, true);
        }
        return new Round(rows.size() > sent || sent == config.batchSize(), false);
    }

    private CompletableFuture<Void> send(String topic, String key, String payload) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        Message<String> message = Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withTopic(topic).withKey(key).build())
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private void awaitAcks() {
        if (inFlight.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(inFlight.values().toArray(CompletableFuture[]::new))
                    .get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // what was refused or is still unacknowledged is sorted out by the caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * What a round found.
     *
     * @param full     more events were waiting than one round sends: go on at once
     * @param troubled Kafka refused events or did not acknowledge them in time: back off
     */
    private record Round(boolean full, boolean troubled) {
    }
}
