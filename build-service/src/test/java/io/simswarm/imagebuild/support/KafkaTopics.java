package io.simswarm.imagebuild.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.events.BuildFinished;
import io.simswarm.events.BuildRequested;
import io.simswarm.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients for tests: publishes build requests as the scheduler does and reads build results from the
 * end of the topic as it was when the reader was opened.
 */
public final class KafkaTopics implements AutoCloseable {

    /** A result as it was read: the record's key and the event. */
    public record Result(String key, BuildFinished event) {
    }

    private final ObjectMapper json;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final List<Result> seen = new ArrayList<>();

    public KafkaTopics(String bootstrap, ObjectMapper json) {
        this.json = json;
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        producer = new KafkaProducer<>(producerProps);
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(consumerProps);
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.BUILD_RESULTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    /** Publishes {@code request} on build-requests, keyed by its campaign id, and waits for the broker's ack. */
    public void publish(BuildRequested request) {
        try {
            producer.send(new ProducerRecord<>(Topics.BUILD_REQUESTS, request.campaignId(),
                    json.writeValueAsString(request))).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("could not publish " + request, e);
        }
    }

    /** Publishes raw text on build-requests. */
    public void publishRaw(String key, String value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.BUILD_REQUESTS, key, value)).get(30, TimeUnit.SECONDS);
    }

    /** Reads what arrived and returns every result seen so far for {@code campaignId}. */
    public synchronized List<Result> resultsFor(String campaignId) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            try {
                BuildFinished event = json.readValue(record.value(), BuildFinished.class);
                seen.add(new Result(record.key(), event));
            } catch (java.io.IOException e) {
                // someone else's record in another shape: not ours
            }
        }
        return seen.stream().filter(r -> campaignId.equals(r.event().campaignId())).toList();
    }

    public static String campaignId(String runUuid) {
        return "bst-" + runUuid + "-" + UUID.randomUUID();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        consumer.close(Duration.ofSeconds(5));
    }

    public static Map<String, String> none() {
        return Map.of();
    }
}
