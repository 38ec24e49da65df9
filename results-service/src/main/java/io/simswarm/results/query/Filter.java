package io.simswarm.results.query;

import io.simswarm.commons.http.QueryValues;
import java.util.ArrayList;
import java.util.List;

/**
 * The filters of a list query: module and name patterns ({@link Glob}), configuration name and run number.
 * Builds the WHERE clause over {@code run r} and the result table aliased {@code t}.
 */
public record Filter(String campaignId, String module, String name, String config, Integer run) {

    /** The filter of a request's query parameters; {@code run} as sent (a whole number or absent). */
    public static Filter of(String campaignId, String module, String name, String config, String run) {
        return new Filter(campaignId, module, name, config, QueryValues.wholeNumber("run", run));
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
        if (run != null) {
            conditions.add("r.run_number = ?");
            params.add(run);
        }
        if (withTable) {
            pattern("t.module", module, conditions, params);
            pattern("t.name", name, conditions, params);
        }
        return String.join(" and ", conditions);
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
