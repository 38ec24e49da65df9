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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for the results service's upload endpoint: records every POST and answers as told,
 * with a chunked body.
 */
final class UploadServer implements AutoCloseable {

    static final String PATH_PREFIX = "/campaigns/c1/runs/";

    /** One received upload: the request line's path, the headers that matter and the body. */
    record Upload(String path, String authorization, String contentType, String contentLength,
                  String transferEncoding, byte[] body) {

        int run() {
            String rest = path.substring(PATH_PREFIX.length());
            return Integer.parseInt(rest.substring(0, rest.indexOf('/')));
        }

        /** The tar.gz entries, name to content, in archive order. */
        Map<String, byte[]> entries() {
            return Archive.read(body);
        }
    }

    private record Answer(int status, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();
    private final Deque<Answer> nextAnswers = new ArrayDeque<>();
    private volatile Answer answer = new Answer(201, "stored\n");

    private UploadServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    static UploadServer start() throws IOException {
        return new UploadServer();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The SIMSWARM_UPLOAD_URL of list mode. */
    String urlTemplate() {
        return "http://127.0.0.1:" + port() + PATH_PREFIX + "{run}/results";
    }

    String url(int run) {
        return urlTemplate().replace("{run}", Integer.toString(run));
    }

    /** Every later upload gets this answer. */
    void answer(int status, String body) {
        answer = new Answer(status, body);
    }

    /** The next upload (only) gets this answer; queued before the standing one. */
    synchronized void answerOnce(int status, String body) {
        nextAnswers.add(new Answer(status, body));
    }

    List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    Upload uploadOf(int run) {
        return uploads.stream().filter(u -> u.run() == run).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no upload for run " + run + " among " + uploads));
    }

    private synchronized Answer nextAnswer() {
        return nextAnswers.isEmpty() ? answer : nextAnswers.poll();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            var headers = exchange.getRequestHeaders();
            uploads.add(new Upload(exchange.getRequestURI().getPath(), headers.getFirst("Authorization"),
                    headers.getFirst("Content-Type"), headers.getFirst("Content-Length"),
                    headers.getFirst("Transfer-Encoding"), body));
            Answer a = nextAnswer();
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
        server.stop(0);
        executor.shutdownNow();
    }
}
