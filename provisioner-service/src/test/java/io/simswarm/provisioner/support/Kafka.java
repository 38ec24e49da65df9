package io.simswarm.provisioner.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.simswarm.events.CampaignEvent;
import io.simswarm.events.ClusterEvent;
import io.simswarm.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The test's own Kafka clients: reads cluster-events from now on, publishes campaign-events. */
public final class Kafka {

    private static final String BOOTSTRAP = "127.0.0.1:9092";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Kafka() {
    }

    /** Collects the cluster-events published after it was made. */
    public static final class ClusterEventsProbe implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ClusterEvent> seen = new ArrayList<>();

        public ClusterEventsProbe() {
            Properties properties = new Properties();
            properties.put("bootstrap.servers", BOOTSTRAP);
            properties.put("key.deserializer", StringDeserializer.class.getName());
            properties.put("value.deserializer", StringDeserializer.class.getName());
            consumer = new KafkaConsumer<>(properties);
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CLUSTER_EVENTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }

        /** Every event about {@code cluster} seen so far. */
        public synchronized List<ClusterEvent> of(String cluster) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    seen.add(JSON.readValue(record.value(), ClusterEvent.class));
                } catch (JsonProcessingException e) {
                    // another producer's record that is no ClusterEvent: not ours
                }
            }
            return seen.stream().filter(event -> cluster.equals(event.cluster())).toList();
        }

        public List<ClusterEvent.Type> typesOf(String cluster) {
            return of(cluster).stream().map(ClusterEvent::type).toList();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    public static void publish(CampaignEvent event) {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", BOOTSTRAP);
        properties.put("key.serializer", StringSerializer.class.getName());
        properties.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(Topics.CAMPAIGN_EVENTS, event.campaignId(),
                    JSON.writeValueAsString(event))).get();
        } catch (JsonProcessingException | ExecutionException e) {
            throw new IllegalStateException("cannot publish " + event, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
