package io.simswarm.imagebuild.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.simswarm.docker.ProvisionerClient;
import io.simswarm.docker.support.TlsDockerd;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A cluster whose Docker API needs mutual TLS, like an EC2 cluster's manager: a real dockerd started for the test
 * ({@link TlsDockerd}, holding {@link ShellImage}), and a stand-in for the provisioner, the one service these tests
 * cannot start, answering {@code GET /clusters/{name}} and {@code GET /clusters/{name}/docker-tls} as it does:
 * <ul>
 * <li>{@code aws}: READY, the TLS engine; its certificates are handed out for the build service's internal key;</li>
 * <li>{@code foreign}: the same engine, but its certificates need another key (403, as a provisioner with another
 * {@code SIMSWARM_INTERNAL_KEY} answers);</li>
 * <li>{@code booting}: no Docker endpoint yet;</li>
 * <li>any other name: 404.</li>
 * </ul>
 * The build service is pointed at the stand-in and given {@link #INTERNAL_KEY}.
 */
public class TlsCluster implements QuarkusTestResourceLifecycleManager {

    /** The cluster whose engine builds succeed on. */
    public static final String NAME = "aws";
    public static final String INTERNAL_KEY = "build-test-" + UUID.randomUUID();

    private static volatile TlsDockerd engine;
    private static volatile String provisionerUrl;

    private final ObjectMapper json = new ObjectMapper();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        engine = TlsDockerd.start("build-service");
        ShellImage.buildOn(engine.client());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/clusters/", this::clusters);
        server.start();
        provisionerUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("simswarm.build.provisioner-url", provisionerUrl, "simswarm.build.internal-key", INTERNAL_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
        if (engine != null) {
            engine.close();
        }
    }

    /** The engine of cluster {@link #NAME}. */
    public static TlsDockerd engine() {
        return engine;
    }

    /** The stand-in's URL, as the build service names it in its messages. */
    public static String provisionerUrl() {
        return provisionerUrl;
    }

    private void clusters(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().substring("/clusters/".length()).split("/");
        String name = path[0];
        String key = exchange.getRequestHeaders().getFirst(ProvisionerClient.INTERNAL_KEY_HEADER);
        boolean known = NAME.equals(name) || "foreign".equals(name) || "booting".equals(name);
        if (!known) {
            problem(exchange, 404, "There is no cluster named '" + name + "'.");
        } else if (path.length == 1) {
            Map<String, Object> cluster = new HashMap<>();
            cluster.put("name", name);
            cluster.put("provider", "aws");
            cluster.put("state", "booting".equals(name) ? "CREATING" : "READY");
            cluster.put("dockerHost", "booting".equals(name) ? null : engine.host());
            cluster.put("dockerTls", true);
            cluster.put("registry", null);
            answer(exchange, 200, "application/json", json.writeValueAsBytes(cluster));
        } else if (!(NAME.equals(name) ? INTERNAL_KEY : "another-key").equals(key)) {
            problem(exchange, 403, "Cluster secrets are only for SimSwarm services: send the header "
                    + ProvisionerClient.INTERNAL_KEY_HEADER + " with the value of SIMSWARM_INTERNAL_KEY.");
        } else {
            answer(exchange, 200, "application/json", json.writeValueAsBytes(engine.clientMaterial()));
        }
    }

    private void problem(HttpExchange exchange, int status, String detail) throws IOException {
        answer(exchange, status, "application/problem+json", json.writeValueAsBytes(Map.of("status", status,
                "detail", detail)));
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
