package io.simswarm.cli.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small HTTP server on a free loopback port that answers like a SimSwarm service: for each path (without query)
 * a queue of answers, the last of which repeats; requests are recorded with their query, and the last body sent to
 * each path. Unknown paths answer 404 with a problem detail.
 */
public final class StandInService implements AutoCloseable {

    /** One answer: status, content type and body. */
    public record Answer(int status, String type, byte[] body) {

        public static Answer json(String body) {
            return new Answer(200, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer text(int status, String type, String body) {
            return new Answer(status, type, body.getBytes(StandardCharsets.UTF_8));
        }

        public static Answer problem(int status, String detail) {
            return text(status, "application/problem+json",
                    "{\"title\":\"Problem\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
        }
    }

    private final HttpServer server;
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<URI> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> bodies = new ConcurrentHashMap<>();

    public StandInService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code path} with these answers in turn, the last one from then on. */
    public StandInService on(String path, Answer... inTurn) {
        answers.put(path, new ArrayDeque<>(List.of(inTurn)));
        return this;
    }

    /** The requests so far, with their queries as sent (still encoded). */
    public List<URI> requests() {
        return List.copyOf(requests);
    }

    /** The body of the last request to {@code path}, empty when there was none or it had no body. */
    public String body(String path) {
        return bodies.getOrDefault(path, "");
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        bodies.put(uri.getPath(), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(uri);
        Deque<Answer> queue = answers.get(uri.getPath());
        Answer answer;
        if (queue == null) {
            answer = Answer.problem(404, "nothing at " + uri.getPath());
        } else {
            synchronized (queue) {
                answer = queue.size() > 1 ? queue.poll() : queue.peek();
            }
        }
        exchange.getResponseHeaders().add("Content-Type", answer.type());
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
