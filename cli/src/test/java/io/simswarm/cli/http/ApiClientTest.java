package io.simswarm.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.simswarm.cli.CliException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ApiClient against a small local HTTP server that answers like a SimSwarm service. */
class ApiClientTest {

    private HttpServer server;
    private ApiClient client;
    private String lastBody;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answer("/campaigns/c1", 200, "application/json", "{\"id\":\"c1\",\"status\":\"RUNNING\"}");
        answer("/campaigns/nope", 404, "application/problem+json",
                "{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"There is no campaign nope.\"}");
        answer("/broken", 502, "text/html", "<html>bad gateway</html>");
        server.createContext("/campaigns", exchange -> {
            lastBody = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            respond(exchange, 201, "application/json", "{\"id\":\"new\"}");
        });
        server.start();
        client = new ApiClient(Service.SCHEDULER, "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsJson() {
        assertThat(client.get("/campaigns/c1").path("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void postsJsonBodies() {
        assertThat(client.post("/campaigns", Map.of("config", "MMc")).path("id").asText()).isEqualTo("new");
        assertThat(lastBody).isEqualTo("{\"config\":\"MMc\"}");
    }

    @Test
    void problemDetailBecomesTheMessageAndNotFoundItsOwnExitCode() {
        assertThatThrownBy(() -> client.get("/campaigns/nope"))
                .isInstanceOf(CliException.class)
                .hasMessage("There is no campaign nope.")
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(4);
    }

    @Test
    void answerWithoutProblemDetailNamesStatusAndService() {
        assertThatThrownBy(() -> client.get("/broken"))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("<html>bad gateway</html>");
    }

    private void answer(String path, int status, String type, String body) {
        server.createContext(path, exchange -> respond(exchange, status, type, body));
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String type, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
