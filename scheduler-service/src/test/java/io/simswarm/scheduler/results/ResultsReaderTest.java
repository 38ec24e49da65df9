package io.simswarm.scheduler.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reader against a stand-in of the results service's aggregate endpoint (what it sends, how it reads answers). */
class ResultsReaderTest {

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>("[]");
    private final AtomicReference<String> asked = new AtomicReference<>();
    private final AtomicReference<String> key = new AtomicReference<>();
    private ResultsReader reader;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            asked.set(exchange.getRequestURI().getRawPath() + "?" + exchange.getRequestURI().getRawQuery());
            key.set(exchange.getRequestHeaders().getFirst("X-SimSwarm-Internal-Key"));
            byte[] answer = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        reader = new ResultsReader("http://127.0.0.1:" + server.getAddress().getPort() + "/", "k3y", new ObjectMapper());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void asksForTheExactScalarOverTheGivenRunsWithTheInternalKey() {
        body.set("[{\"config\":\"MM1\",\"itervars\":{\"rho\":\"0.5\"},\"module\":\"Queueing.queue\","
                + "\"name\":\"queueingTime:mean\",\"count\":4,\"mean\":0.00101,\"stddev\":0.00002,\"min\":0.00099,"
                + "\"max\":0.00104,\"ci95HalfWidth\":0.0000318},{\"module\":\"Net.b\",\"name\":\"queueingTime:mean\","
                + "\"count\":1,\"mean\":\"NaN\",\"stddev\":null,\"ci95HalfWidth\":null}]");

        List<ScalarAggregate> rows = reader.aggregate("c-1", "queueingTime:mean", List.of(3, 4, 5));

        assertThat(asked.get()).isEqualTo("/campaigns/c-1/scalars?aggregate=true&name=queueingTime%3Amean&run=3,4,5");
        assertThat(key.get()).isEqualTo("k3y");
        assertThat(rows).containsExactly(new ScalarAggregate("Queueing.queue", "queueingTime:mean", 4, 0.00101,
                0.0000318), new ScalarAggregate("Net.b", "queueingTime:mean", 1, Double.NaN, null));
    }

    @Test
    void aNameWithPatternCharactersIsMatchedLiterally() {
        reader.aggregate("c", "pk[0]*size?{x}", List.of(1));
        assertThat(asked.get()).contains("name=pk%5C%5B0%5C%5D%5C*size%5C%3F%5C%7Bx%5C%7D&");
    }

    @Test
    void aMissingCampaignHasNoValuesYet() {
        status.set(404);
        body.set("{\"detail\":\"No results of campaign c.\"}");
        assertThat(reader.aggregate("c", "x", List.of(1))).isEmpty();
    }

    @Test
    void aWrongKeyOrAForbiddenCallerIsARefusalAndAnOutageIsTriedAgainLater() {
        status.set(401);
        assertThatThrownBy(() -> reader.aggregate("c", "x", List.of(1))).isInstanceOf(ResultsRefusedException.class)
                .hasMessageContaining("refused the scheduler's internal key (401): give both services the same"
                        + " SIMSWARM_INTERNAL_KEY");
        status.set(403);
        body.set("{\"status\":403,\"detail\":\"Only the upload endpoints answer callers from other machines.\"}");
        assertThatThrownBy(() -> reader.aggregate("c", "x", List.of(1))).isInstanceOf(ResultsRefusedException.class)
                .hasMessageEndingWith("(403): Only the upload endpoints answer callers from other machines.");
        status.set(503);
        assertThatThrownBy(() -> reader.aggregate("c", "x", List.of(1)))
                .isInstanceOf(ResultsUnavailableException.class).hasMessageContaining("answered 503");
        server.stop(0);
        assertThatThrownBy(() -> reader.aggregate("c", "x", List.of(1)))
                .isInstanceOf(ResultsUnavailableException.class).hasMessageContaining("cannot be reached");
    }
}
