package io.simswarm.results.query;

import io.simswarm.commons.http.QueryValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The filters of a list query: module and name patterns ({@link Glob}), configuration name and run numbers (none:
 * every run). Builds the WHERE clause over {@code run r} and the result table aliased {@code t}.
 */
public record Filter(String campaignId, String module, String name, String config, List<Integer> runs) {

    /** Most run numbers one query may list (the runs of one parameter point, say). */
    public static final int MOST_RUNS = 1000;

    public Filter {
        runs = runs == null ? List.of() : List.copyOf(runs);
    }

    /** The filter of a request's query parameters; {@code run} as sent (a whole number, a list like 3,7,11, or absent). */
    public static Filter of(String campaignId, String module, String name, String config, String run) {
        return new Filter(campaignId, module, name, config, QueryValues.wholeNumbers("run", run, MOST_RUNS));
    }

    /** SQL conditions (joined with AND) and their parameters, in order. */
    public String where(List<Object> params, boolean withTable) {
        List<String> conditions = new ArrayList<>();
        conditions.add("r.campaign_id = ?");
        params.add(campaignId);
        if (config != null && !config.isEmpty()) {
            conditions.add("r.config_name = ?");
            params.add(config);
        }
        if (!runs.isEmpty()) {
            conditions.add("r.run_number in (" + String.join(", ", Collections.nCopies(runs.size(), "?")) + ")");
            params.addAll(runs);
        }
        if (withTable) {
            conditions.add(tableWhere(params));
        }
        return String.join(" and ", conditions);
    }

    /** The conditions on the result table {@code t} alone (module and name patterns); {@code true} when none. */
    public String tableWhere(List<Object> params) {
        List<String> conditions = new ArrayList<>();
        pattern("t.module", module, conditions, params);
        pattern("t.name", name, conditions, params);
        return conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    private static void pattern(String column, String pattern, List<String> conditions, List<Object> params) {
        if (pattern == null || pattern.isEmpty() || pattern.equals("**")) {
            return;
        }
        Glob glob = new Glob(pattern);
        if (glob.isLiteral()) {
            conditions.add(column + " = ?");
            params.add(glob.unescaped());
            return;
        }
        String prefix = glob.literalPrefix();
        if (!prefix.isEmpty()) {
            conditions.add(column + " like ?");
            params.add(prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        conditions.add(column + " ~ ?");
        params.add(glob.toRegex());
    }
}
