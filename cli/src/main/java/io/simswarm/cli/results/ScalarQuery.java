package io.simswarm.cli.results;

import io.simswarm.cli.http.ApiClient;
import io.simswarm.cli.text.JsonTable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A query of a campaign's scalars at the results service ({@code GET /campaigns/{id}/scalars}). */
public record ScalarQuery(String campaignId, String nameGlob, String moduleGlob, boolean aggregate) {

    public String path() {
        List<String> parameters = new ArrayList<>();
        if (nameGlob != null) {
            parameters.add("name=" + encode(nameGlob));
        }
        if (moduleGlob != null) {
            parameters.add("module=" + encode(moduleGlob));
        }
        if (aggregate) {
            parameters.add("aggregate=true");
        }
        String query = parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
        return "/campaigns/" + campaignId + "/scalars" + query;
    }

    /** The answer as a text table. */
    public String table(ApiClient results) {
        return JsonTable.of(results.get(path()), List.of()).render();
    }

    /** The answer as CSV with one header row. */
    public String csv(ApiClient results) {
        return results.text(path(), "text/csv");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
