package io.simswarm.scheduler.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.simswarm.events.BuildFinished;
import io.simswarm.events.BuildRequested;
import io.simswarm.events.CampaignEvent;
import io.simswarm.events.ResultsStored;
import io.simswarm.events.RunToken;
import io.simswarm.events.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Stands in for the services this module cannot start in its own tests, with the real infrastructure:
 * <ul>
 * <li>the <b>provisioner</b>: {@code GET /clusters/{name}} knows {@code local} (this machine's Docker engine, READY)
 * and {@code halted} (HALTED), and answers 404 for any other name;</li>
 * <li>the <b>build service</b>: it consumes the real {@code build-requests} topic and answers requests whose
 * repoUrl starts with {@link #REPO} on {@code build-results}: {@code REPO + "queueing"} with the fixture image
 * (built here from {@code examples/queueing} and the runner, see {@link FixtureImage}), {@code REPO + "broken"}
 * with a failed build, {@code REPO + "missing-image"} with an image no node has and {@code REPO + "no-runner"}
 * with the project built without the runner;</li>
 * <li>the <b>results service's upload endpoint</b>: {@code POST /campaigns/{id}/runs/{n}/results} checks the run
 * token and that the body is gzip, counts the upload and publishes a real {@link ResultsStored} on Kafka.</li>
 * </ul>
 * The whole path with the real build and results services is covered by the end-to-end module.
 */
public class StandIns implements QuarkusTestResourceLifecycleManager {

    /** Secret the tests share with the scheduler (application.properties default). */
    public static final String SECRET = "simswarm-development-secret-change-me";
    /** Repository URLs of this test run start with this; the build stand-in answers only those. */
    public static final String REPO = "file:///simswarm-test/" + UUID.randomUUID() + "/";
    /** The image digest and base image digest the stand-in build service announces for a built image. */
    public static final String IMAGE_DIGEST = "sha256:" + "1a".repeat(32);
    public static final String BASE_IMAGE_DIGEST = "sha256:" + "b2".repeat(32);

    private static final Pattern UPLOAD = Pattern.compile("/campaigns/([^/]+)/runs/(\\d+)/results");
    private static final Map<String, AtomicInteger> UPLOADS = new ConcurrentHashMap<>();
    private static final List<CampaignEvent> CAMPAIGN_EVENTS = new CopyOnWriteArrayList<>();
    private static final List<BuildRequested> BUILD_REQUESTS = new CopyOnWriteArrayList<>();
    /** Ids of the build requests and campaign events taken, by whichever instance took them first. */
    private static final Set<UUID> SEEN = ConcurrentHashMap.newKeySet();
    private static final AtomicReference<StandIns> INSTANCE = new AtomicReference<>();

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final RunToken tokens = new RunToken(SECRET);
    private HttpServer http;
    private ExecutorService httpThreads;
    private KafkaProducer<String, String> producer;
    private volatile boolean running;
    private String image;

    @Override
    public Map<String, String> start() {
        INSTANCE.set(this);
        image = FixtureImage.build();
        producer = new KafkaProducer<>(kafka(), new StringSerializer(), new StringSerializer());
        running = true;
        consume(Topics.BUILD_REQUESTS, this::onBuildRequest);
        consume(Topics.CAMPAIGN_EVENTS, this::onCampaignEvent);
        // answers go out at once instead of waiting for the client's delayed ACK (Nagle)
        System.setProperty("sun.net.httpserver.nodelay", "true");
        try {
            http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        httpThreads = Executors.newFixedThreadPool(8);
        http.setExecutor(httpThreads);
        http.createContext("/clusters/", this::cluster);
        http.createContext("/campaigns/", this::upload);
        http.start();
        String url = "http://127.0.0.1:" + http.getAddress().getPort();
        return Map.of("simswarm.scheduler.provisioner-url", url, "simswarm.scheduler.task-results-url", url);
    }

    @Override
    public void stop() {
        try {
            BUILD_REQUESTS.stream().map(BuildRequested::campaignId).distinct().forEach(SwarmServices::removeAll);
        } catch (IllegalStateException e) {
            // removed meanwhile by the scheduler: nothing left to do
        }
        running = false;
        if (http != null) {
            http.stop(0);
            httpThreads.shutdownNow(); // its threads would keep a program using the stand-ins from exiting
        }
        if (producer != null) {
            producer.close();
        }
    }

    /** Uploads received for a run of a campaign. */
    public static int uploads(String campaignId, int run) {
        AtomicInteger count = UPLOADS.get(campaignId + "/" + run);
        return count == null ? 0 : count.get();
    }

    /**
     * Campaign events seen for a campaign, in order, each event id once as a consumer takes it (the outbox sends
     * again what Kafka did not acknowledge in time).
     */
    public static List<CampaignEvent> campaignEvents(String campaignId) {
        return CAMPAIGN_EVENTS.stream().filter(e -> campaignId.equals(e.campaignId())).toList();
    }

    /** Build requests seen for a campaign, in order, each event id once. */
    public static List<BuildRequested> buildRequests(String campaignId) {
        return BUILD_REQUESTS.stream().filter(e -> campaignId.equals(e.campaignId())).toList();
    }

    /** Publishes a results-stored event as the results service would. */
    public static void publishResultsStored(String campaignId, int run) {
        publishResultsStored(ResultsStored.of(campaignId, run, 3, 40, List.of()));
    }

    /** Publishes this results-stored event (again, if it was published before). */
    public static void publishResultsStored(ResultsStored event) {
        INSTANCE.get().publish(Topics.RESULTS_STORED, event.campaignId(), event);
    }

    private void onBuildRequest(String value) throws IOException {
        BuildRequested request = json.readValue(value, BuildRequested.class);
        if (request.repoUrl() == null || !request.repoUrl().startsWith(REPO)) {
            return;
        }
        // the outbox sends at least once, and the stand-ins of several test classes may listen at the same time:
        // like the build service's inbox, take each event id once
        if (!SEEN.add(request.eventId())) {
            return;
        }
        BUILD_REQUESTS.add(request);
        String project = request.repoUrl().substring(REPO.length());
        String buildId = "build-" + request.campaignId();
        BuildFinished answer = switch (project) {
            case "broken" -> BuildFinished.failure(request.campaignId(), buildId, "0123abcd",
                    "The build command failed with exit code 2; last lines:\nsrc/model.cc:12: error: expected ';'\n"
                            + "make: *** [Makefile:18: build/model.o] Error 1");
            case "missing-image" -> BuildFinished.success(request.campaignId(), buildId, "0123abcd",
                    "simswarm-test/no-such-image:" + UUID.randomUUID(), null, null, FixtureImage.WORKDIR, false);
            case "no-runner" -> BuildFinished.success(request.campaignId(), buildId, "0123abcd",
                    FixtureImage.WITHOUT_RUNNER, null, null, FixtureImage.WORKDIR, false);
            default -> BuildFinished.success(request.campaignId(), buildId, "0123abcd", image, IMAGE_DIGEST,
                    BASE_IMAGE_DIGEST, FixtureImage.WORKDIR, false);
        };
        publish(Topics.BUILD_RESULTS, request.campaignId(), answer);
    }

    private void onCampaignEvent(String value) throws IOException {
        CampaignEvent event = json.readValue(value, CampaignEvent.class);
        if (SEEN.add(event.eventId())) {
            CAMPAIGN_EVENTS.add(event);
        }
    }

    private void cluster(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/clusters/".length());
        switch (name) {
            case "local" -> answer(exchange, 200, "application/json", "{\"name\":\"local\",\"state\":\"READY\","
                    + "\"dockerHost\":\"unix:///var/run/docker.sock\",\"dockerTls\":false,\"registry\":null}");
            case "halted" -> answer(exchange, 200, "application/json", "{\"name\":\"halted\",\"state\":\"HALTED\","
                    + "\"dockerHost\":\"unix:///var/run/docker.sock\",\"dockerTls\":false}");
            default -> answer(exchange, 404, "application/problem+json", "{\"status\":404,\"detail\":\"no cluster "
                    + name + "\"}");
        }
    }

    private void upload(HttpExchange exchange) throws IOException {
        Matcher path = UPLOAD.matcher(exchange.getRequestURI().getPath());
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        if (!path.matches() || !"POST".equals(exchange.getRequestMethod())) {
            answer(exchange, 404, "text/plain", "not here");
            return;
        }
        String campaignId = path.group(1);
        int run = Integer.parseInt(path.group(2));
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String token = authorization == null ? null : authorization.replaceFirst("^Bearer ", "");
        if (!tokens.verify(campaignId, run, token)) {
            answer(exchange, 403, "text/plain", "wrong token");
            return;
        }
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            answer(exchange, 400, "text/plain", "not gzip");
            return;
        }
        UPLOADS.computeIfAbsent(campaignId + "/" + run, k -> new AtomicInteger()).incrementAndGet();
        publish(Topics.RESULTS_STORED, campaignId, ResultsStored.of(campaignId, run, 3, 40, List.of()));
        answer(exchange, 201, "application/json", "{\"files\":[]}");
    }

    private void publish(String topic, String key, Object event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, json.writeValueAsString(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish on " + topic, e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private interface Handler {
        void handle(String value) throws IOException;
    }

    private void consume(String topic, Handler handler) {
        Properties props = kafka();
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "scheduler-standins-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Thread thread = new Thread(() -> {
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of(topic));
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        try {
                            handler.handle(record.value());
                        } catch (IOException | RuntimeException e) {
                            // another service's record this stand-in cannot read: not ours
                        }
                    }
                }
            }
        }, "standin-" + topic);
        thread.setDaemon(true);
        thread.start();
    }

    private static Properties kafka() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        return props;
    }
}
