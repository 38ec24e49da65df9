package io.simswarm.results.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.commons.problem.ApiException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.OutputStream;

/**
 * JSON unless the client asks for CSV, with {@code ?format=csv} (what a plain URL in {@code pandas.read_csv} can
 * carry) or by preferring {@code text/csv} in {@code Accept}. {@code ?format=json} forces JSON.
 */
public final class Formats {

    public static final String CSV = "text/csv";
    public static final MediaType CSV_TYPE = new MediaType("text", "csv", "utf-8");

    private Formats() {
    }

    /** Whether to answer CSV; {@code format} (the query parameter, may be null) wins over {@code Accept}. */
    public static boolean wantsCsv(String format, HttpHeaders headers) {
        if (format != null && !format.isEmpty()) {
            return switch (format.toLowerCase(java.util.Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ApiException.badRequest("format must be csv or json, not '" + format + "'.");
            };
        }
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
                return true;
            }
        }
        return false;
    }

    public static MediaType mediaType(boolean csv) {
        return csv ? CSV_TYPE : MediaType.APPLICATION_JSON_TYPE;
    }

    public static TableWriter writer(boolean csv, ObjectMapper mapper, OutputStream out) throws IOException {
        return csv ? new CsvTableWriter(out) : new JsonTableWriter(mapper, out);
    }
}
