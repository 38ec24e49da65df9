package io.simswarm.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.simswarm.commons.messaging.Outbox;
import io.simswarm.events.CampaignEvent;
import io.simswarm.scheduler.support.StandIns;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox of the scheduler with the real broker: an event written in a committed transaction reaches Kafka once,
 * keyed and, per key, in order (the topic has several partitions), and leaves the table; one written in a transaction that is rolled back never leaves. Each
 * test writes to a topic of its own.
 */
@QuarkusTest
@WithTestResource(value = StandIns.class, scope = TestResourceScope.GLOBAL)
class OutboxTest {

    @Inject
    Outbox outbox;
    @Inject
    EntityManager entityManager;

    private String topic;
    private KafkaConsumer<String, String> consumer;

    @BeforeEach
    void subscribe() {
        topic = "outbox-test-" + UUID.randomUUID();
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, topic);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    @AfterEach
    void close() {
        consumer.close();
    }

    @Test
    void committedEventsReachKafkaOnceInOrderAndLeaveTheTable() {
        List<CampaignEvent> events = List.of(event("a", CampaignEvent.Type.SUBMITTED),
                event("a", CampaignEvent.Type.STARTED), event("b", CampaignEvent.Type.SUBMITTED),
                event("a", CampaignEvent.Type.FINISHED));
        QuarkusTransaction.requiringNew().run(() -> events.forEach(e -> outbox.publish(topic, e.campaignId(), e)));

        List<ConsumerRecord<String, String>> received = receive(4);
        assertThat(received).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("a", "a", "b", "a");
        assertThat(received).extracting(ConsumerRecord::value).allSatisfy(v -> assertThat(v).startsWith("{"));
        assertThat(received.stream().filter(r -> r.key().equals("a")).map(ConsumerRecord::value).toList())
                .as("one key keeps its order").satisfiesExactly(
                        v -> assertThat(v).contains("\"type\":\"SUBMITTED\"", events.get(0).eventId().toString()),
                        v -> assertThat(v).contains("\"type\":\"STARTED\""),
                        v -> assertThat(v).contains("\"type\":\"FINISHED\""));
        await().atMost(Duration.ofSeconds(10)).until(() -> rowsOfTopic() == 0);
        assertThat(receiveFor(Duration.ofSeconds(2))).as("nothing sent twice").isEmpty();
    }

    @Test
    void eventsOfARolledBackTransactionAreNeverSent() {
        QuarkusTransaction.begin();
        outbox.publish(topic, "c", event("c", CampaignEvent.Type.SUBMITTED));
        QuarkusTransaction.rollback();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, "d",
                event("d", CampaignEvent.Type.SUBMITTED)));

        List<ConsumerRecord<String, String>> received = receive(1);
        assertThat(received).extracting(ConsumerRecord::key).containsExactly("d");
        assertThat(receiveFor(Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void manyEventsOfOneTransactionAllArrive() {
        List<CampaignEvent> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            events.add(event("k" + (i % 7), CampaignEvent.Type.STARTED));
        }
        QuarkusTransaction.requiringNew().run(() -> outbox.publishAll(topic, events.stream()
                .map(e -> new Outbox.Keyed(e.campaignId(), e)).toList()));

        List<ConsumerRecord<String, String>> received = receive(600);
        assertThat(received.stream().map(r -> r.value().substring(r.value().indexOf("eventId"))).distinct().count())
                .isEqualTo(600);
        await().atMost(Duration.ofSeconds(10)).until(() -> rowsOfTopic() == 0);
    }

    private static CampaignEvent event(String campaign, CampaignEvent.Type type) {
        return CampaignEvent.of(campaign, "local", type, type == CampaignEvent.Type.FINISHED ? "SUCCEEDED" : "RUNNING",
                3, null);
    }

    private long rowsOfTopic() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from outbox where topic = ?1").setParameter(1, topic).getSingleResult()).longValue());
    }

    private List<ConsumerRecord<String, String>> receive(int count) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return received.size() >= count;
        });
        return received;
    }

    private List<ConsumerRecord<String, String>> receiveFor(Duration duration) {
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
        }
        return received;
    }
}
