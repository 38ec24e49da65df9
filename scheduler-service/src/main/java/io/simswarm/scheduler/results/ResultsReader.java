package io.simswarm.scheduler.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.commons.security.InternalKeys;
import io.simswarm.scheduler.config.SchedulerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Asks the results service for aggregated scalars ({@code GET /campaigns/{id}/scalars?aggregate=true}) of some runs of
 * a campaign, with the internal key. The scheduler decides on the figures the results service reports, so a user who
 * asks the same question sees the numbers the decision was made on.
 */
@ApplicationScoped
public class ResultsReader {

    private final String baseUrl;
    private final String internalKey;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Inject
    public ResultsReader(SchedulerConfig config, ObjectMapper json) {
        this(config.resultsUrl(), config.internalKey(), json);
    }

    ResultsReader(String baseUrl, String internalKey, ObjectMapper json) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.internalKey = internalKey;
        this.json = json;
    }

    /**
     * The scalar named {@code name} (exactly; one row per module that records it) aggregated over {@code runs}.
     *
     * @throws ResultsUnavailableException when the service cannot answer now
     * @throws ResultsRefusedException     when it refuses the question
     */
    public List<ScalarAggregate> aggregate(String campaignId, String name, Collection<Integer> runs) {
        String url = baseUrl + "/campaigns/" + encode(campaignId) + "/scalars?aggregate=true&name="
                + encode(literal(name)) + "&run=" + runs.stream().map(String::valueOf).collect(Collectors.joining(","));
        HttpResponse<String> answer;
        try {
            answer = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").header(InternalKeys.HEADER, internalKey).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ResultsUnavailableException("the results service at " + baseUrl + " cannot be reached: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResultsUnavailableException("interrupted while asking the results service");
        }
        int status = answer.statusCode();
        if (status == 401) {
            throw new ResultsRefusedException("the results service at " + baseUrl + " refused the scheduler's internal"
                    + " key (401): give both services the same SIMSWARM_INTERNAL_KEY");
        }
        if (status == 403) {
            throw new ResultsRefusedException("the results service at " + baseUrl + " refused the scheduler's"
                    + " question (403): " + detail(answer.body()));
        }
        if (status == 404) {
            return List.of(); // no result of the campaign stored yet
        }
        if (status != 200) {
            String what = "the results service answered " + status + " to " + url;
            if (status >= 500 || status == 429) {
                throw new ResultsUnavailableException(what);
            }
            throw new ResultsRefusedException(what + ": " + answer.body());
        }
        return rows(answer.body());
    }

    private List<ScalarAggregate> rows(String body) {
        try {
            List<ScalarAggregate> rows = new ArrayList<>();
            for (JsonNode row : json.readTree(body)) {
                rows.add(new ScalarAggregate(row.path("module").asText(), row.path("name").asText(),
                        row.path("count").asLong(), number(row.get("mean")), number(row.get("ci95HalfWidth"))));
            }
            return rows;
        } catch (IOException e) {
            throw new ResultsUnavailableException("the results service answered what is not JSON: " + e.getMessage());
        }
    }

    /** The {@code detail} of a problem+json answer, else the answer itself. */
    private String detail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (IOException e) {
            // not JSON: the body as it is
        }
        return body;
    }

    /** A number as the results service writes it: JSON numbers, and NaN and the infinities as strings. */
    static Double number(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.doubleValue();
        }
        try {
            return Double.valueOf(value.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code name} as an OMNeT++ pattern that matches only itself. */
    static String literal(String name) {
        return name.replaceAll("([\\\\*?{}\\[\\]])", "\\\\$1");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
