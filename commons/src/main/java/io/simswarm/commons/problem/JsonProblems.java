package io.simswarm.commons.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The sentence for a request body Jackson could not read: where (the field), what the field takes (a whole number,
 * true or false, one of ...) and what came instead, in words a user knows. Jackson's own messages name Java types and
 * internals ({@code `java.lang.Integer`}, {@code JsonToken.START_ARRAY}); none of that is passed on.
 */
final class JsonProblems {

    static final String PREFIX = "The request body is not valid JSON for this endpoint";

    /** What Jackson says it found: {@code from String "yes"}, {@code from Array value}. */
    private static final Pattern FOUND = Pattern.compile("from (Array|Object|String|Integer|Floating-point|Boolean"
            + "|Null)(?: value)?(?: \"([^\"]*)\")?");
    private static final Pattern OUT_OF_RANGE = Pattern.compile("Numeric value \\(([^)]{1,40})\\) out of range");
    private static final Pattern SOURCE = Pattern.compile("\\s*\\(?(?:start marker )?at \\[Source:.*$");
    private static final Pattern QUALIFIED = Pattern.compile("`?(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)"
            + "(?:\\.[A-Z_]+)?`?");
    /** Which of its settings a limit of Jackson's comes from: {@code , from `StreamReadConstraints...`}. */
    private static final Pattern SETTING = Pattern.compile(",? from `[^`]*`");
    private static final int MAX_VALUE = 40;

    private JsonProblems() {
    }

    static String detail(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping) : "";
        String where = field.isEmpty() ? "" : " at field '" + field + "'";
        if (e instanceof ValueInstantiationException instantiation && instantiation.getType() != null
                && instantiation.getType().getRawClass().isEnum()) {
            return PREFIX + where + ": it must be " + kind(instantiation.getType().getRawClass()) + ".";
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null && e.getCause().getMessage() != null) {
            return PREFIX + where + ": " + readable(e.getCause().getMessage()) + ".";
        }
        Optional<String> expected = targetType(e).map(JsonProblems::kind);
        if (expected.isPresent()) {
            return PREFIX + where + ": it must be " + expected.get() + found(e).map(f -> ", not " + f).orElse("")
                    + ".";
        }
        return PREFIX + where + ": " + readable(e.getOriginalMessage()) + ".";
    }

    private static Optional<Class<?>> targetType(JsonProcessingException e) {
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return Optional.of(mismatch.getTargetType());
        }
        if (e.getCause() instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
            return Optional.of(coercion.getTargetType());
        }
        if (e instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
            return Optional.of(coercion.getTargetType());
        }
        return Optional.empty();
    }

    /** What a value of {@code type} is, for users. */
    private static String kind(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == BigInteger.class) {
            return "a whole number" + range(type);
        }
        if (type == Double.class || type == double.class || type == Float.class || type == float.class
                || type == BigDecimal.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a JSON array";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a time such as 2024-05-01T12:00:00Z";
        }
        return Map.class.isAssignableFrom(type) || !type.isPrimitive() ? "a JSON object" : "a plain value";
    }

    private static String range(Class<?> type) {
        if (type == Integer.class || type == int.class) {
            return " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE;
        }
        return type == Short.class || type == short.class ? " from " + Short.MIN_VALUE + " to " + Short.MAX_VALUE : "";
    }

    /** What came instead, when Jackson says: the value itself, else the kind of JSON value. */
    private static Optional<String> found(JsonProcessingException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            Object value = invalid.getValue();
            return Optional.of(value instanceof String text ? "\"" + shortened(text) + "\""
                    : shortened(value.toString()));
        }
        String message = String.valueOf(e.getOriginalMessage());
        Matcher range = OUT_OF_RANGE.matcher(message);
        if (range.find()) {
            return Optional.of(range.group(1));
        }
        Matcher found = FOUND.matcher(message);
        if (!found.find()) {
            return Optional.empty();
        }
        if (found.group(2) != null) {
            return Optional.of("\"" + shortened(found.group(2)) + "\"");
        }
        return Optional.of(switch (found.group(1)) {
            case "Array" -> "an array";
            case "Object" -> "an object";
            case "String" -> "a string";
            case "Integer" -> "a whole number";
            case "Floating-point" -> "a number with a fraction";
            case "Boolean" -> "true or false";
            default -> "null";
        });
    }

    /** The first line of a parser's message, without the location in the source and without Java names. */
    static String readable(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("").strip();
        line = SOURCE.matcher(line).replaceAll("");
        line = SETTING.matcher(line).replaceAll("");
        line = QUALIFIED.matcher(line).replaceAll("$1");
        line = line.replaceAll("\\s*\\(token [A-Za-z_.]+\\)", "").replaceAll("[.\\s]+$", "");
        return line.isEmpty() ? "unreadable input" : line;
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static String shortened(String text) {
        return text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE) + "…";
    }
}
