package io.simswarm.results.upload;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Map;

/** Small JSON writer for flat objects, fast enough for a million rows. */
final class Json {

    private static final JsonStringEncoder ENCODER = JsonStringEncoder.getInstance();

    private Json() {
    }

    static String object(Map<String, ?> values) {
        StringBuilder out = new StringBuilder(32 * values.size());
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, ?> e : values.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            string(out, e.getKey());
            out.append(':');
            Object value = e.getValue();
            if (value instanceof Double d) {
                number(out, d);
            } else {
                string(out, String.valueOf(value));
            }
        }
        return out.append('}').toString();
    }

    /** Non-finite numbers become the strings "NaN", "Infinity" and "-Infinity", as Jackson writes them. */
    private static void number(StringBuilder out, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            string(out, Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        } else {
            out.append(d);
        }
    }

    static void string(StringBuilder out, String s) {
        out.append('"');
        ENCODER.quoteAsString(s, out);
        out.append('"');
    }
}
