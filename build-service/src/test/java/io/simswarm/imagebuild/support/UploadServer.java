package io.simswarm.imagebuild.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** An HTTP endpoint on 127.0.0.1 that accepts result uploads the way the results service does and keeps them. */
public final class UploadServer implements AutoCloseable {

    /** One upload as it arrived. */
    public record Upload(String path, String authorization, String contentType, byte[] body) {
    }

    private final HttpServer server;
    private final List<Upload> uploads = new CopyOnWriteArrayList<>();

    public UploadServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                uploads.add(new Upload(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Content-Type"), in.readAllBytes()));
            }
            boolean post = "POST".equals(exchange.getRequestMethod());
            exchange.sendResponseHeaders(post ? 201 : 405, -1);
            exchange.close();
        });
        server.start();
    }

    /** The upload URL pattern of the runner's list mode ({run} stands for the run number). */
    public String uploadUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/campaigns/test/runs/{run}/results";
    }

    public List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
