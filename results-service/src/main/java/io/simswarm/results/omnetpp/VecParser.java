package io.simswarm.results.omnetpp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streaming reader of .vec files (versions 2 and 3): vector declarations with their attributes, and data lines
 * {@code ID COLUMN...} whose columns the declaration names ({@code ETV}: event number, time, value; {@code TV}
 * when absent). Each vector is summarised in one pass ({@link VectorSummary}); the data lines are not kept.
 */
public final class VecParser extends ResultFileParser {

    /** Receives the lines the parser could not understand. */
    public interface ErrorHandler {
        void error(long line, String reason);
    }

    private final ErrorHandler errors;
    private final Map<Integer, VectorSummary> vectors = new LinkedHashMap<>();
    private final String[] fields = new String[8];
    private VectorSummary declaring;

    public VecParser(ErrorHandler errors) {
        this.errors = errors;
    }

    /** Reads the whole stream (and closes it). */
    public List<VectorSummary> parse(InputStream in) throws IOException {
        try (in) {
            parseLines(in);
        }
        return new ArrayList<>(vectors.values());
    }

    @Override
    protected boolean dataLine(String line, LineReader reader) throws ParseException {
        if (line.isEmpty() || line.charAt(0) < '0' || line.charAt(0) > '9') {
            return false;
        }
        finishItem();
        int count = split(line);
        int id = (int) Numbers.parseLong(fields[0]);
        VectorSummary vector = vectors.get(id);
        if (vector == null) {
            throw new ParseException("data line of vector " + id + ", which is not declared");
        }
        System.arraycopy(fields, 1, fields, 0, count - 1);
        vector.add(fields, count - 1, reader.offset(), reader.length());
        return true;
    }

    private int split(String line) throws ParseException {
        int count = 0;
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && (line.charAt(i) == '\t' || line.charAt(i) == ' ')) {
                i++;
            }
            if (i >= n) {
                return count;
            }
            int start = i;
            while (i < n && line.charAt(i) != '\t' && line.charAt(i) != ' ') {
                i++;
            }
            if (count == fields.length) {
                throw new ParseException("data line with more than " + (fields.length - 1) + " values");
            }
            fields[count++] = line.substring(start, i);
        }
    }

    @Override
    protected boolean item(String keyword, List<String> t) throws ParseException {
        if (!"vector".equals(keyword)) {
            return false;
        }
        beginItem();
        if (t.size() != 4 && t.size() != 5) {
            throw new ParseException("expected 'vector ID MODULE NAME [COLUMNS]', found " + t.size() + " fields");
        }
        int id = (int) Numbers.parseLong(t.get(1));
        if (vectors.containsKey(id)) {
            throw new ParseException("vector " + id + " is declared twice");
        }
        VectorSummary vector = new VectorSummary(id, t.get(2), t.get(3), t.size() == 5 ? t.get(4) : "TV");
        vectors.put(id, vector);
        declaring = vector;
        owner = Owner.ITEM;
        return true;
    }

    @Override
    protected void itemAttribute(String name, String value) {
        declaring.attribute(name, value);
    }

    @Override
    protected void finishItem() {
        declaring = null;
        if (owner == Owner.ITEM) {
            owner = Owner.NONE;
        }
    }

    @Override
    protected void error(long line, String reason) {
        errors.error(line, reason);
    }
}
