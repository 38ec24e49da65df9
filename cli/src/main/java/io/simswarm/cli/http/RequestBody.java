package io.simswarm.cli.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A JSON request body built field by field; fields the user did not set are left out. */
public final class RequestBody {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    public RequestBody put(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    /** Puts the field unless {@code value} is null (an option the user did not give). */
    public RequestBody putIfSet(String field, Object value) {
        if (value != null) {
            fields.put(field, value);
        }
        return this;
    }

    public Object get(String field) {
        return fields.get(field);
    }

    public Map<String, Object> fields() {
        return fields;
    }
}
