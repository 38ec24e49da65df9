/*
 * Waits until a local Kafka broker answers metadata requests, then creates the given topics
 * (skipping those that already exist).
 *
 * Run as a single source file with the broker's libraries on the class path (no build step):
 *   java -cp 'STATE/kafka/libs/*' deploy/kafka/KafkaTopics.java BOOTSTRAP PARTITIONS TIMEOUT_S TOPIC...
 *
 * Exit codes: 0 ready and topics present, 1 broker not ready within the timeout, 2 usage/other error.
 */

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

public class KafkaTopics {

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: KafkaTopics BOOTSTRAP PARTITIONS TIMEOUT_S [TOPIC...]");
            System.exit(2);
        }
        String bootstrap = args[0];
        int partitions = Integer.parseInt(args[1]);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[2]));
        List<String> wanted = List.of(args).subList(3, args.length);

        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");

        try (Admin admin = Admin.create(props)) {
            Set<String> existing = waitForBroker(admin, deadline);
            if (existing == null) {
                System.err.println("kafka: broker at " + bootstrap + " did not answer metadata requests in time");
                System.exit(1);
            }
            List<NewTopic> missing = new ArrayList<>();
            for (String topic : wanted) {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1));
                }
            }
            if (!missing.isEmpty()) {
                createAll(admin, missing);
            }
            System.out.println("kafka: broker ready; topics created: " + missing.size()
                    + ", already present: " + (wanted.size() - missing.size()));
        }
    }

    /** Lists topics until the broker answers; returns null when the deadline passes. */
    private static Set<String> waitForBroker(Admin admin, long deadline) throws InterruptedException {
        while (System.nanoTime() < deadline) {
            try {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return admin.listTopics().names().get(3, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                Thread.sleep(250);
            }
        }
        return null;
    }

    private static void createAll(Admin admin, List<NewTopic> topics) throws InterruptedException {
        var results = admin.createTopics(topics).values();
        for (var entry : results.entrySet()) {
            try {
                entry.getValue().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Created concurrently (e.g. by auto-creation): that is fine.
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    System.err.println("kafka: cannot create topic " + entry.getKey() + ": " + e.getCause());
                    System.exit(2);
                }
            } catch (java.util.concurrent.TimeoutException e) {
                System.err.println("kafka: timed out creating topic " + entry.getKey());
                System.exit(2);
            }
        }
    }
}
