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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * A scripted stand-in for the scheduler's lease resource (pilot protocol of docs/architecture.md):
 * answers lease requests from a script, records heartbeats (a lease may be withdrawn at any time) and
 * every finish report, single or batch ({@code POST .../finished}). Like the scheduler, it answers a finish call that carries
 * {@code X-Next-Lease: 1} with the next scripted answer; {@link #startPlain} makes one that
 * acknowledges finish calls with an empty 200 instead, {@link #withoutBatchFinish} one that answers
 * batch finishes 404 like a scheduler from before batches.
 */
final class LeaseServer implements AutoCloseable {

    static final String PATH = "/campaigns/c1/leases";
    static final String TOKEN = "lease-token-c1";

    /** What the next lease request gets. */
    sealed interface Answer permits Grant, Batch, Wait, Refuse {
    }

    /** A lease of RUN; its heartbeats are answered 410 when withdraw is set. */
    record Grant(int run, int attempt, int heartbeatSeconds, boolean withdraw) implements Answer {
        static Grant of(int run) {
            return new Grant(run, 1, 30, false);
        }
    }

    /** Several leases in one answer, in this order; the first block names the group upload URL when asked to. */
    record Batch(List<Grant> grants, boolean groupUpload) implements Answer {
        static Batch of(int... runs) {
            return new Batch(IntStream.of(runs).mapToObj(Grant::of).toList(), true);
        }
    }

    record Wait(int seconds) implements Answer {
    }

    record Refuse(int status, String body) implements Answer {
    }

    /** One finish report, as received; RECEIVED is a System.nanoTime(). */
    record Finish(String leaseId, int run, String exitCode, String durationMs, String upload, String contentType,
                  String body, String nextLease, String leaseMax, String stopped, long received) {

        List<String> lines() {
            return body.lines().toList();
        }
    }

    /** One batch finish report ({@code POST .../finished}), as received, with the runs of its lines' leases. */
    record BatchFinish(List<String> lines, List<Integer> runs, String contentType, String nextLease,
                       String leaseMax) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Deque<Answer> script = new ArrayDeque<>();
    private final Map<String, Grant> leases = new ConcurrentHashMap<>();
    private final List<Finish> finishes = new CopyOnWriteArrayList<>();
    private final List<BatchFinish> batchFinishes = new CopyOnWriteArrayList<>();
    private final List<String> leaseMaxOnLeaseRequests = new CopyOnWriteArrayList<>();
    private final List<String> workers = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger leaseRequests = new AtomicInteger();
    private final List<Integer> heartbeatRuns = new CopyOnWriteArrayList<>();
    private final Set<Integer> withdrawnRuns = ConcurrentHashMap.newKeySet();
    private final AtomicInteger leaseIds = new AtomicInteger();
    private final AtomicInteger nextOnFinish = new AtomicInteger();
    private final String uploadTemplate;
    private final String groupUploadUrl;
    private final boolean answersNextOnFinish;
    private volatile boolean batchFinish = true;

    private LeaseServer(UploadServer uploads, boolean answersNextOnFinish) throws IOException {
        this.uploadTemplate = uploads.urlTemplate();
        this.groupUploadUrl = uploads.groupUrl();
        this.answersNextOnFinish = answersNextOnFinish;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** Leases point their uploads at UPLOADS; after the scripted answers every request gets 204. */
    static LeaseServer start(UploadServer uploads, Answer... answers) throws IOException {
        LeaseServer server = new LeaseServer(uploads, true);
        server.script.addAll(List.of(answers));
        return server;
    }

    /** A server that hands out leases only on lease requests, never with the answer to a finish call. */
    static LeaseServer startPlain(UploadServer uploads, Answer... answers) throws IOException {
        LeaseServer server = new LeaseServer(uploads, false);
        server.script.addAll(List.of(answers));
        return server;
    }

    /** From now on, batch finish calls are answered 404, as by a scheduler from before batches. */
    LeaseServer withoutBatchFinish() {
        batchFinish = false;
        return this;
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

    /** The X-Lease-Max header of every lease request, in order ("null" when absent). */
    List<String> leaseMaxOnLeaseRequests() {
        return List.copyOf(leaseMaxOnLeaseRequests);
    }

    List<BatchFinish> batchFinishes() {
        return List.copyOf(batchFinishes);
    }

    /** Lease answers handed out with the answer to a finish call. */
    int answersOnFinish() {
        return nextOnFinish.get();
    }

    int heartbeats() {
        return heartbeatRuns.size();
    }

    /** The run of each heartbeat's lease, in order. */
    List<Integer> heartbeatRuns() {
        return List.copyOf(heartbeatRuns);
    }

    /** From now on, heartbeats of the leases of RUN are answered 410, as for a lease that expired. */
    void withdraw(int run) {
        withdrawnRuns.add(run);
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
            } else if (rest.equals("/finished")) {
                batchFinish(exchange, body);
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
        leaseMaxOnLeaseRequests.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Lease-Max")));
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
            respond(exchange, 200, block(grant, false));
        } else if (answer instanceof Batch batch) {
            StringBuilder text = new StringBuilder();
            for (Grant grant : batch.grants()) {
                text.append(text.isEmpty() ? "" : "\n").append(block(grant, text.isEmpty() && batch.groupUpload()));
            }
            respond(exchange, 200, text.toString());
        }
    }

    /** One lease block, as the scheduler writes it; the group-upload line when asked. */
    private String block(Grant grant, boolean groupUpload) {
        String id = "lease-" + leaseIds.incrementAndGet();
        leases.put(id, grant);
        String block = "lease " + id + "\nrun " + grant.run() + "\nattempt " + grant.attempt() + "\ntoken "
                + tokenOf(grant.run()) + "\nupload " + uploadTemplate.replace("{run}", Integer.toString(grant.run()))
                + "\nheartbeat " + grant.heartbeatSeconds() + "\n";
        return groupUpload ? block + "group-upload " + groupUploadUrl + "\n" : block;
    }

    static String tokenOf(int run) {
        return "run-token-" + run;
    }

    private void heartbeat(HttpExchange exchange, String id) throws IOException {
        Grant grant = leases.get(id);
        heartbeatRuns.add(grant == null ? -1 : grant.run());
        boolean withdrawn = grant != null && (grant.withdraw() || withdrawnRuns.contains(grant.run()));
        if (grant == null) {
            respond(exchange, 404, "no such lease\n");
        } else {
            respond(exchange, withdrawn ? 410 : 200, withdrawn ? "lease withdrawn\n" : "");
        }
    }

    private void finish(HttpExchange exchange, String id, String body) throws IOException {
        Grant grant = leases.get(id);
        var headers = exchange.getRequestHeaders();
        finishes.add(new Finish(id, grant == null ? -1 : grant.run(), headers.getFirst("X-Exit-Code"),
                headers.getFirst("X-Duration-Ms"), headers.getFirst("X-Upload"), headers.getFirst("Content-Type"),
                body, headers.getFirst("X-Next-Lease"), headers.getFirst("X-Lease-Max"), headers.getFirst("X-Stopped"),
                System.nanoTime()));
        if (answersNextOnFinish && "1".equals(headers.getFirst("X-Next-Lease"))) {
            nextOnFinish.incrementAndGet();
            respondWithNext(exchange, 200, "none\n");
        } else {
            respond(exchange, 200, "");
        }
    }

    private void batchFinish(HttpExchange exchange, String body) throws IOException {
        if (!batchFinish) {
            respond(exchange, 404, "Not Found\n");
            return;
        }
        var headers = exchange.getRequestHeaders();
        List<String> lines = body.lines().toList();
        List<Integer> runs = lines.stream().map(line -> {
            Grant grant = leases.get(line.split(" ")[0]);
            return grant == null ? -1 : grant.run();
        }).toList();
        batchFinishes.add(new BatchFinish(lines, runs, headers.getFirst("Content-Type"),
                headers.getFirst("X-Next-Lease"), headers.getFirst("X-Lease-Max")));
        if (answersNextOnFinish && "1".equals(headers.getFirst("X-Next-Lease"))) {
            nextOnFinish.incrementAndGet();
            respondWithNext(exchange, 200, "none\n");
        } else {
            respond(exchange, 204, "");
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
