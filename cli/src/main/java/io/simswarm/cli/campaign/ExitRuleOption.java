package io.simswarm.cli.campaign;

import io.simswarm.cli.CliException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code --on-exit} rule as the scheduler takes it ({@code exitRules} of {@code POST /campaigns}):
 * {@code code=GLOB:ACTION}, {@code output=GLOB:ACTION} or {@code code=GLOB,output=GLOB:ACTION}, ACTION being
 * {@code retry} or {@code exit}. The action follows the last colon, so an output glob may hold colons and commas.
 */
final class ExitRuleOption {

    private static final String CODE = "code=";
    private static final String OUTPUT = "output=";

    private ExitRuleOption() {
    }

    static Map<String, String> parse(String rule) {
        int colon = rule.lastIndexOf(':');
        String action = colon < 0 ? "" : rule.substring(colon + 1).strip().toUpperCase(Locale.ROOT);
        if (!action.equals("RETRY") && !action.equals("EXIT")) {
            throw invalid(rule);
        }
        String conditions = rule.substring(0, colon);
        Map<String, String> fields = new LinkedHashMap<>();
        if (conditions.startsWith(CODE)) {
            int comma = conditions.indexOf(',');
            fields.put("onExitCode", conditions.substring(CODE.length(), comma < 0 ? conditions.length() : comma));
            conditions = comma < 0 ? "" : conditions.substring(comma + 1);
            if (!conditions.isEmpty() && !conditions.startsWith(OUTPUT)) {
                throw invalid(rule);
            }
        }
        if (conditions.startsWith(OUTPUT)) {
            fields.put("onOutput", conditions.substring(OUTPUT.length()));
        } else if (!conditions.isEmpty() || fields.isEmpty()) {
            throw invalid(rule);
        }
        fields.put("action", action);
        return fields;
    }

    private static CliException invalid(String rule) {
        return new CliException("--on-exit '" + rule + "' is not a rule: write code=GLOB:ACTION, output=GLOB:ACTION"
                + " or code=GLOB,output=GLOB:ACTION with ACTION retry or exit.", 2);
    }
}
