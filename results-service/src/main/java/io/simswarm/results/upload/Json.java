package io.simswarm.results.upload;

import java.util.Map;

/** Small JSON writer for flat objects, fast enough for a million rows. */
final class Json {

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
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
