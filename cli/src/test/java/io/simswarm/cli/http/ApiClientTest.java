package io.simswarm.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.cli.CliException;
import io.simswarm.cli.testing.StandInService;
import io.simswarm.cli.testing.StandInService.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ApiClient against a stand-in HTTP server that answers like a SimSwarm service. */
class ApiClientTest {

    private StandInService server;
    private ApiClient client;

    @BeforeEach
    void start() throws IOException {
        server = new StandInService()
                .on("/campaigns/c1", Answer.json("{\"id\":\"c1\",\"status\":\"RUNNING\"}"))
                .on("/campaigns/nope", Answer.problem(404, "There is no campaign nope."))
                .on("/broken", Answer.text(500, "text/html", "<html>oops</html>"))
                .on("/restarting", Answer.problem(503, "Starting up."))
                .on("/gateway", Answer.text(502, "text/html", "<html>bad gateway</html>"))
                .on("/campaigns", Answer.json("{\"id\":\"new\"}"))
                .on("/results.zip", new Answer(200, "application/zip", new byte[] {1, 2, 3}));
        client = new ApiClient(Service.SCHEDULER, server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsJson() {
        assertThat(client.get("/campaigns/c1").path("status").asText()).isEqualTo("RUNNING");
    }

    @Test
    void postsJsonBodies() {
        assertThat(client.post("/campaigns", Map.of("config", "MMc")).path("id").asText()).isEqualTo("new");
    }

    @Test
    void problemDetailBecomesTheMessageAndNotFoundItsOwnExitCode() {
        assertThatThrownBy(() -> client.get("/campaigns/nope"))
                .isExactlyInstanceOf(CliException.class)
                .hasMessage("There is no campaign nope.")
                .extracting(e -> ((CliException) e).exitCode()).isEqualTo(4);
    }

    @Test
    void answerWithoutProblemDetailGivesItsFirstLine() {
        assertThatThrownBy(() -> client.get("/broken"))
                .isExactlyInstanceOf(CliException.class)
                .hasMessage("<html>oops</html>");
    }

    @Test
    void unavailableAndBadGatewayAnswersAreFailuresThatMayPass() {
        assertThatThrownBy(() -> client.get("/restarting"))
                .isInstanceOfSatisfying(ServiceUnavailableException.class, e -> {
                    assertThat(e.service()).isEqualTo(Service.SCHEDULER);
                    assertThat(e.reason()).isEqualTo("HTTP 503: Starting up.");
                })
                .hasMessage("the scheduler service at " + server.url() + " is unavailable (HTTP 503: Starting up.)");
        assertThatThrownBy(() -> client.get("/gateway"))
                .isInstanceOfSatisfying(ServiceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo("HTTP 502: <html>bad gateway</html>"));
    }

    @Test
    void serviceThatIsNotListeningIsAFailureThatMayPass() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ApiClient closed = new ApiClient(Service.RESULTS, "http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> closed.get("/campaigns"))
                .isInstanceOfSatisfying(ServiceUnavailableException.class,
                        e -> assertThat(e.reason()).isEqualTo("connection refused or timed out"))
                .hasMessageContaining("cannot reach the results service at http://127.0.0.1:" + closedPort);
    }

    @Test
    void downloadsABodyIntoAFile(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("results.zip");

        client.download("/results.zip", file);

        assertThat(Files.readAllBytes(file)).containsExactly(1, 2, 3);
    }

    @Test
    void downloadThatIsRefusedSaysWhy(@TempDir Path folder) {
        assertThatThrownBy(() -> client.download("/campaigns/nope", folder.resolve("x.zip")))
                .isExactlyInstanceOf(CliException.class)
                .hasMessage("There is no campaign nope.");
    }

    @Test
    void textKeepsTheBodyAsItIs() {
        assertThat(client.text("/campaigns/c1", "text/plain").getBytes(StandardCharsets.UTF_8))
                .hasSize("{\"id\":\"c1\",\"status\":\"RUNNING\"}".length());
    }
}
