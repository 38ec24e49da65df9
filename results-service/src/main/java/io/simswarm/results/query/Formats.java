package io.simswarm.results.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.OutputStream;

/** JSON unless the client prefers {@code text/csv}. */
public final class Formats {

    public static final String CSV = "text/csv";
    public static final MediaType CSV_TYPE = new MediaType("text", "csv", "utf-8");

    private Formats() {
    }

    public static boolean wantsCsv(HttpHeaders headers) {
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
