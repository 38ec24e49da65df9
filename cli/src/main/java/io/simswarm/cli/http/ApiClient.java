package io.simswarm.cli.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.cli.CliException;
import io.simswarm.cli.config.Settings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Calls one SimSwarm service. Every failure becomes a {@link CliException} with one readable line: the
 * problem detail the service answered, or which address could not be reached and how to start it. A failure that
 * may pass (no connection, no answer in time, 502, 503, 504) is a {@link ServiceUnavailableException}.
 */
public class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private static final Set<Integer> PASSING = Set.of(502, 503, 504);

    private final Service service;
    private final String baseUrl;
    private final Settings.Value token;

    public ApiClient(Service service, String baseUrl) {
        this(service, baseUrl, null);
    }

    /** A client sending {@code token} (where it came from, for messages) as bearer token; none when null. */
    public ApiClient(Service service, String baseUrl, Settings.Value token) {
        this.service = service;
        this.baseUrl = baseUrl;
        this.token = token == null || token.text() == null ? null : token;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public JsonNode get(String path) {
        return json(send(request(path).GET().header("Accept", "application/json").build()));
    }

    public JsonNode post(String path, Object body) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(body));
        return json(send(request(path).POST(publisher)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json").build()));
    }

    public JsonNode delete(String path) {
        return json(send(request(path).DELETE().header("Accept", "application/json").build()));
    }

    /** GET with the given Accept header, the body as text. */
    public String text(String path, String accept) {
        return send(request(path).GET().header("Accept", accept).build()).body();
    }

    /**
     * GET whose body is written to {@code file} (e.g. an archive). A connection that breaks off while the body
     * arrives is a {@link ServiceUnavailableException} like one that could not be opened.
     */
    public void download(String path, Path file) {
        HttpResponse<Path> response = sendRaw(request(path).GET().build(), HttpResponse.BodyHandlers.ofFile(file));
        if (response.statusCode() >= 300) {
            String body;
            try {
                body = Files.readString(file);
            } catch (IOException | RuntimeException e) {
                body = "";
            }
            throw failure(response.statusCode(), body);
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(2));
        if (token != null) {
            request.header("Authorization", "Bearer " + token.text());
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpResponse<String> response = sendRaw(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw failure(response.statusCode(), response.body());
        }
        return response;
    }

    private <T> HttpResponse<T> sendRaw(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable("connection refused or timed out");
        } catch (HttpTimeoutException e) {
            throw new ServiceUnavailableException(service, "the " + service.key() + " service at " + baseUrl
                    + " did not answer in time", "no answer in time");
        } catch (IOException e) {
            throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted", 130);
        }
    }

    private ServiceUnavailableException unreachable(String reason) {
        return new ServiceUnavailableException(service, "cannot reach the " + service.key() + " service at " + baseUrl
                + " (" + reason + "); start the services with deploy/quickstart.sh, or point "
                + service.environmentVariable() + " or --" + service.key() + "-url at them", reason);
    }

    private CliException failure(int status, String body) {
        String detail = oneLine(problemDetail(body));
        if (PASSING.contains(status)) {
            String reason = "HTTP " + status + (detail == null ? "" : ": " + detail);
            return new ServiceUnavailableException(service, "the " + service.key() + " service at " + baseUrl
                    + " is unavailable (" + reason + ")", reason);
        }
        if (status == 401) {
            return new CliException(token == null
                    ? "the " + service.key() + " service at " + baseUrl + " needs a token: set SIMSWARM_TOKEN or"
                            + " token=... in ~/.config/simswarm/config.properties (an admin creates one with"
                            + " 'simswarm token create NAME --role ROLE')"
                    : "the " + service.key() + " service at " + baseUrl + " refused the token from " + token.source()
                            + ": it is expired, malformed or not signed by this SimSwarm's key", 1);
        }
        if (detail == null) {
            detail = "HTTP " + status + " from the " + service.key() + " service at " + baseUrl;
        }
        return new CliException(detail, status == 404 ? 4 : 1);
    }

    /** A sentence for the one line a failure gets on stderr, whatever line breaks the service put into it. */
    private static String oneLine(String text) {
        return text == null || text.isBlank() ? null : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    private static String problemDetail(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
            return problem.hasNonNull("title") ? problem.get("title").asText() : null;
        } catch (IOException e) {
            return body.lines().findFirst().orElse(null);
        }
    }

    private JsonNode json(HttpResponse<String> response) {
        if (response.body() == null || response.body().isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CliException("the " + service.key() + " service at " + baseUrl + " answered something that is "
                    + "not JSON");
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise request body", e);
        }
    }
}
