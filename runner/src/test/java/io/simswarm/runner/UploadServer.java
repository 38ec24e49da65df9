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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the results service's upload endpoints, a run's ({@code /campaigns/c1/runs/N/results})
 * and the campaign's group upload ({@code /campaigns/c1/results}): records every POST and answers as
 * told, with a chunked body, or hangs up without answering. Like a results service that was killed and
 * started again, it can refuse connections for a while and then accept them again on the same port.
 */
final class UploadServer implements AutoCloseable {

    static final String PATH_PREFIX = "/campaigns/c1/runs/";
    static final String GROUP_PATH = "/campaigns/c1/results";

    /** One received upload: the request line's path, the headers that matter, the body; RECEIVED a nanoTime(). */
    record Upload(String path, String authorization, String contentType, String contentLength,
                  String transferEncoding, byte[] body, long received) {

        int run() {
            String rest = path.substring(PATH_PREFIX.length());
            return Integer.parseInt(rest.substring(0, rest.indexOf('/')));
        }

        /** The tar.gz entries, name to content, in archive order. */
        Map<String, byte[]> entries() {
            return Archive.read(body);
        }

        /** A group upload's entries by top-level folder: folder name to (name below it to content). */
        Map<String, Map<String, byte[]>> folders() {
            Map<String, Map<String, byte[]>> folders = new LinkedHashMap<>();
            entries().forEach((name, content) -> {
                int slash = name.indexOf('/');
                if (slash <= 0) {
                    throw new AssertionError("entry outside a run folder: " + name);
                }
                folders.computeIfAbsent(name.substring(0, slash), f -> new LinkedHashMap<>())
                        .put(name.substring(slash + 1), content);
            });
            return folders;
        }
    }

    /** An answer; status 0 hangs up without one. */
    private record Answer(int status, String body) {
    }

    private final int port;
    private HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final List<Upload> groupUploads = new CopyOnWriteArrayList<>();
    private final Deque<Answer> nextAnswers = new ArrayDeque<>();
    private final Deque<Answer> nextGroupAnswers = new ArrayDeque<>();
    private volatile Answer answer = new Answer(201, "stored\n");
    private volatile Answer groupAnswer = new Answer(201, "{\"campaignId\": \"c1\", \"runs\": []}\n");

    private UploadServer() throws IOException {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer listening = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        listening.createContext("/", this::handle);
        listening.setExecutor(executor);
        listening.start();
        return listening;
    }

    static UploadServer start() throws IOException {
        return new UploadServer();
    }

    int port() {
        return port;
    }

    /** Closes the listening socket: connections are refused until {@link #acceptConnections()}. */
    synchronized void refuseConnections() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Listens again, on the same port. */
    synchronized void acceptConnections() throws IOException {
        if (server == null) {
            server = listen(port);
        }
    }

    /** The SIMSWARM_UPLOAD_URL of list mode. */
    String urlTemplate() {
        return "http://127.0.0.1:" + port() + PATH_PREFIX + "{run}/results";
    }

    String url(int run) {
        return urlTemplate().replace("{run}", Integer.toString(run));
    }

    /** The group upload URL of campaign c1. */
    String groupUrl() {
        return "http://127.0.0.1:" + port() + GROUP_PATH;
    }

    /** Every later upload gets this answer. */
    void answer(int status, String body) {
        answer = new Answer(status, body);
    }

    /** The next upload (only) gets this answer; queued before the standing one. */
    synchronized void answerOnce(int status, String body) {
        nextAnswers.add(new Answer(status, body));
    }

    /** The next upload (only) has its connection closed without an answer; queued like {@link #answerOnce}. */
    synchronized void hangUpOnce() {
        nextAnswers.add(new Answer(0, ""));
    }

    /** Every later group upload gets this answer. */
    void answerGroup(int status, String body) {
        groupAnswer = new Answer(status, body);
    }

    /** The next group upload (only) gets this answer; queued before the standing one. */
    synchronized void answerGroupOnce(int status, String body) {
        nextGroupAnswers.add(new Answer(status, body));
    }

    /** The single uploads (one run each), in order. */
    List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    List<Upload> groupUploads() {
        return List.copyOf(groupUploads);
    }

    Upload uploadOf(int run) {
        return uploads.stream().filter(u -> u.run() == run).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no upload for run " + run + " among " + uploads));
    }

    private synchronized Answer nextAnswer(boolean group) {
        if (group) {
            return nextGroupAnswers.isEmpty() ? groupAnswer : nextGroupAnswers.poll();
        }
        return nextAnswers.isEmpty() ? answer : nextAnswers.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var headers = exchange.getRequestHeaders();
            String path = exchange.getRequestURI().getPath();
            boolean group = path.equals(GROUP_PATH);
            (group ? groupUploads : uploads).add(new Upload(path, headers.getFirst("Authorization"),
                    headers.getFirst("Content-Type"), headers.getFirst("Content-Length"),
                    headers.getFirst("Transfer-Encoding"), body, System.nanoTime()));
            Answer a = nextAnswer(group);
            if (a.status() == 0) {
                return; // closing the exchange without a response closes the connection
            }
            byte[] text = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            // chunked (length 0) on purpose: the lease server answers with Content-Length, so the
            // runner's HTTP client is tested with both kinds of body
            exchange.sendResponseHeaders(a.status(), text.length == 0 ? -1 : 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
        }
    }

    @Override
    public void close() {
        refuseConnections();
        executor.shutdownNow();
    }
}
