package io.simswarm.cli.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON values as cells of a text table or of CSV. Non-finite numbers, which the services write as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"}, become {@code NaN}, {@code inf} and {@code -inf} in both.
 */
public final class Cells {

    private Cells() {
    }

    /** For a table: {@code -} for null, numbers with six significant digits, arrays comma-separated. */
    public static String table(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "-";
        }
        if (value.isArray()) {
            return join(value, ",", Cells::table);
        }
        if (value.isFloatingPointNumber()) {
            return Numbers.format(value.asDouble());
        }
        return nonFinite(value.asText());
    }

    /** For CSV (RFC 4180): empty for null, numbers as the service wrote them, arrays space-separated, quoted. */
    public static String csv(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            return quote(join(value, " ", item -> nonFinite(item.asText())));
        }
        if (value.isNumber()) {
            return value.asText();
        }
        return quote(nonFinite(value.asText()));
    }

    /** A CSV field, in double quotes when it holds a comma, a quote or a line break. */
    public static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static String nonFinite(String text) {
        return switch (text) {
            case "NaN" -> "NaN";
            case "Infinity" -> "inf";
            case "-Infinity" -> "-inf";
            default -> text;
        };
    }

    private interface Formatter {
        String format(JsonNode value);
    }

    private static String join(JsonNode array, String separator, Formatter formatter) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(formatter.format(item)));
        return String.join(separator, items);
    }
}
