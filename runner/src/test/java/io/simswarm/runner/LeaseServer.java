package io.simswarm.runner;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted stand-in for the scheduler's lease resource (pilot protocol of docs/architecture.md):
 * answers lease requests from a script, counts heartbeats and records every finish report. Like the
 * scheduler, it answers a finish call that carries {@code X-Next-Lease: 1} with the next scripted
 * answer; {@link #startPlain} makes one that acknowledges finish calls with an empty 200 instead.
 */
final class LeaseServer implements AutoCloseable {

    static final String PATH = "/campaigns/c1/leases";
    static final String TOKEN = "lease-token-c1";

    /** What the next lease request gets. */
    sealed interface Answer permits Grant, Wait, Refuse {
    }

    /** A lease of RUN; its heartbeats are answered 410 when withdraw is set. */
    record Grant(int run, int attempt, int heartbeatSeconds, boolean withdraw) implements Answer {
        static Grant of(int run) {
            return new Grant(run, 1, 30, false);
        }
    }

    record Wait(int seconds) implements Answer {
    }

    record Refuse(int status, String body) implements Answer {
    }

    /** One finish report, as received. */
    record Finish(String leaseId, int run, String exitCode, String durationMs, String upload, String contentType,
                  String body) {

        List<String> lines() {
            return body.lines().toList();
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Deque<Answer> script = new ArrayDeque<>();
    private final Map<String, Grant> leases = new ConcurrentHashMap<>();
    private final List<Finish> finishes = new CopyOnWriteArrayList<>();
    private final List<String> workers = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger leaseRequests = new AtomicInteger();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final AtomicInteger leaseIds = new AtomicInteger();
    private final AtomicInteger nextOnFinish = new AtomicInteger();
    private final String uploadTemplate;
    private final boolean answersNextOnFinish;

    private LeaseServer(String uploadTemplate, boolean answersNextOnFinish) throws IOException {
        this.uploadTemplate = uploadTemplate;
        this.answersNextOnFinish = answersNextOnFinish;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Leases point their uploads at UPLOADS; after the scripted answers every request gets 204. */
    static LeaseServer start(UploadServer uploads, Answer... answers) throws IOException {
        LeaseServer server = new LeaseServer(uploads.urlTemplate(), true);
        server.script.addAll(List.of(answers));
        return server;
    }

    /** A server that hands out leases only on lease requests, never with the answer to a finish call. */
    static LeaseServer startPlain(UploadServer uploads, Answer... answers) throws IOException {
        LeaseServer server = new LeaseServer(uploads.urlTemplate(), false);
        server.script.addAll(List.of(answers));
        return server;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    List<Finish> finishes() {
        return List.copyOf(finishes);
    }

    Finish finishOf(int run) {
        return finishes.stream().filter(f -> f.run() == run).findFirst()
                .orElseThrow(() -> new AssertionError("no finish for run " + run + " among " + finishes));
    }

    int leaseRequests() {
        return leaseRequests.get();
    }

    /** Lease answers handed out with the answer to a finish call. */
    int answersOnFinish() {
        return nextOnFinish.get();
    }

    int heartbeats() {
        return heartbeats.get();
    }

    List<String> workers() {
        return List.copyOf(workers);
    }

    List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            authorizations.add(String.valueOf(auth));
            workers.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Worker")));
            if (!("Bearer " + TOKEN).equals(auth)) {
                respond(exchange, 401, "invalid lease token for campaign c1\n");
                return;
            }
            String rest = exchange.getRequestURI().getPath().substring(PATH.length());
            if (rest.isEmpty() || rest.equals("/")) {
                lease(exchange);
            } else if (rest.endsWith("/heartbeat")) {
                heartbeat(exchange, rest.substring(1, rest.length() - "/heartbeat".length()));
            } else if (rest.endsWith("/finish")) {
                finish(exchange, rest.substring(1, rest.length() - "/finish".length()), body);
            } else {
                respond(exchange, 404, "no such lease resource\n");
            }
        }
    }

    private void lease(HttpExchange exchange) throws IOException {
        leaseRequests.incrementAndGet();
        respondWithNext(exchange, 204, "");
    }

    /** Answers with the next scripted answer; when the script is done, with NONE_STATUS and NONE_TEXT. */
    private void respondWithNext(HttpExchange exchange, int noneStatus, String noneText) throws IOException {
        Answer answer;
        synchronized (script) {
            answer = script.poll();
        }
        if (answer == null) {
            respond(exchange, noneStatus, noneText);
        } else if (answer instanceof Wait wait) {
            respond(exchange, 200, "wait " + wait.seconds() + "\n");
        } else if (answer instanceof Refuse refuse) {
            respond(exchange, refuse.status(), refuse.body());
        } else if (answer instanceof Grant grant) {
            String id = "lease-" + leaseIds.incrementAndGet();
            leases.put(id, grant);
            respond(exchange, 200, "lease " + id + "\nrun " + grant.run() + "\nattempt " + grant.attempt()
                    + "\ntoken " + tokenOf(grant.run()) + "\nupload "
                    + uploadTemplate.replace("{run}", Integer.toString(grant.run()))
                    + "\nheartbeat " + grant.heartbeatSeconds() + "\n");
        }
    }

    static String tokenOf(int run) {
        return "run-token-" + run;
    }

    private void heartbeat(HttpExchange exchange, String id) throws IOException {
        heartbeats.incrementAndGet();
        Grant grant = leases.get(id);
        if (grant == null) {
            respond(exchange, 404, "no such lease\n");
        } else {
            respond(exchange, grant.withdraw() ? 410 : 200, grant.withdraw() ? "lease withdrawn\n" : "");
        }
    }

    private void finish(HttpExchange exchange, String id, String body) throws IOException {
        Grant grant = leases.get(id);
        var headers = exchange.getRequestHeaders();
        finishes.add(new Finish(id, grant == null ? -1 : grant.run(), headers.getFirst("X-Exit-Code"),
                headers.getFirst("X-Duration-Ms"), headers.getFirst("X-Upload"), headers.getFirst("Content-Type"),
                body));
        if (answersNextOnFinish && "1".equals(headers.getFirst("X-Next-Lease"))) {
            nextOnFinish.incrementAndGet();
            respondWithNext(exchange, 200, "none\n");
        } else {
            respond(exchange, 200, "");
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(status, status == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
