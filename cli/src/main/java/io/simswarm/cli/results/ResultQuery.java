package io.simswarm.cli.results;

import static io.simswarm.cli.http.UrlParts.encode;

import io.simswarm.cli.CliException;
import io.simswarm.cli.http.ApiClient;
import java.util.ArrayList;
import java.util.List;

/**
 * A query of one list of a campaign's results at the results service: {@code GET /campaigns/{id}/KIND} with the
 * filters {@code config}, {@code run}, {@code module}, {@code name} (OMNeT++ patterns, passed on as they are) and
 * {@code aggregate=true}. Filters that the list does not have are refused rather than silently ignored.
 */
public record ResultQuery(String campaignId, ResultKind kind, String config, String run, String module, String name,
        boolean aggregate) {

    public ResultQuery {
        if (!kind.byModuleAndName() && (module != null || name != null)) {
            throw new CliException(kind.label() + " have no module or name to filter by; use --config or --run", 2);
        }
        if (aggregate && !kind.aggregates()) {
            throw new CliException("--aggregate applies to scalars only, not to " + kind.label(), 2);
        }
    }

    /** Scalars whose names match {@code nameGlob}, aggregated over repetitions: the summary of a campaign. */
    public static ResultQuery summary(String campaignId, String nameGlob) {
        return new ResultQuery(campaignId, ResultKind.SCALARS, null, null, null, nameGlob, true);
    }

    public String path() {
        List<String> parameters = new ArrayList<>();
        add(parameters, "config", config);
        add(parameters, "run", run);
        add(parameters, "module", module);
        add(parameters, "name", name);
        if (aggregate) {
            parameters.add("aggregate=true");
        }
        String query = parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
        return "/campaigns/" + encode(campaignId) + "/" + kind.label() + query;
    }

    /** The rows the service answers. */
    public ResultRows rows(ApiClient results) {
        return ResultRows.of(results.get(path()));
    }

    private static void add(List<String> parameters, String key, String value) {
        if (value != null) {
            parameters.add(key + "=" + encode(value));
        }
    }
}
