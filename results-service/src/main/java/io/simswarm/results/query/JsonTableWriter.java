package io.simswarm.results.query;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * A JSON array of objects, streamed. Non-finite numbers are the strings {@code "NaN"}, {@code "Infinity"} and
 * {@code "-Infinity"} (JSON has no such numbers); missing values are null.
 */
public final class JsonTableWriter implements TableWriter {

    private final JsonGenerator json;
    private boolean inRow;

    public JsonTableWriter(ObjectMapper mapper, OutputStream out) throws IOException {
        this.json = mapper.getFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    public void start(List<String> columns, Map<String, List<String>> groups) throws IOException {
        json.writeStartArray();
    }

    private void field(String column) throws IOException {
        if (!inRow) {
            json.writeStartObject();
            inRow = true;
        }
        json.writeFieldName(column);
    }

    @Override
    public void integer(String column, Long value) throws IOException {
        field(column);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }

    @Override
    public void number(String column, Double value) throws IOException {
        field(column);
        if (value == null) {
            json.writeNull();
        } else {
            json.writeNumber(value);
        }
    }

    @Override
    public void text(String column, String value) throws IOException {
        field(column);
        json.writeString(value);
    }

    @Override
    public void numbers(String column, double[] values) throws IOException {
        field(column);
        if (values == null) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (double v : values) {
            json.writeNumber(v);
        }
        json.writeEndArray();
    }

    @Override
    public void group(String column, String[] names, String[] values) throws IOException {
        field(column);
        json.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            json.writeStringField(names[i], values[i]);
        }
        json.writeEndObject();
    }

    @Override
    public void numberGroup(String column, String[] names, Double[] values) throws IOException {
        field(column);
        json.writeStartObject();
        for (int i = 0; i < names.length; i++) {
            json.writeFieldName(names[i]);
            if (values[i] == null) {
                json.writeNull();
            } else {
                json.writeNumber(values[i]);
            }
        }
        json.writeEndObject();
    }

    @Override
    public void json(String column, String raw) throws IOException {
        field(column);
        if (raw == null) {
            json.writeNull();
        } else {
            json.writeRawValue(raw);
        }
    }

    @Override
    public void endRow() throws IOException {
        if (!inRow) {
            json.writeStartObject();
        }
        json.writeEndObject();
        inRow = false;
    }

    @Override
    public void close() throws IOException {
        json.writeEndArray();
        json.close();
    }
}
