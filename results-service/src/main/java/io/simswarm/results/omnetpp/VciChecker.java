package io.simswarm.results.omnetpp;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cross-checks a .vci index against what {@link VecParser} found in its .vec file: the indexed file size, that
 * every indexed block lies inside the byte ranges holding that vector's lines, and that the block counts add up
 * to the vector's count. Disagreements are reported as errors of the .vci file (a truncated or stale upload shows
 * up here); the summaries themselves always come from the .vec file.
 */
public final class VciChecker extends ResultFileParser {

    private final Map<Integer, VectorSummary> vectors = new HashMap<>();
    private final Map<Integer, Long> indexedCounts = new HashMap<>();
    private final long vecSize;
    private final VecParser.ErrorHandler errors;
    private boolean stale;
    private long lastLine;

    public VciChecker(List<VectorSummary> vectors, long vecSize, VecParser.ErrorHandler errors) {
        vectors.forEach(v -> this.vectors.put(v.id(), v));
        this.vecSize = vecSize;
        this.errors = errors;
    }

    public void check(InputStream in) throws IOException {
        try (in) {
            parseLines(in);
        }
        if (stale) {
            return;
        }
        for (VectorSummary vector : vectors.values()) {
            long indexed = indexedCounts.getOrDefault(vector.id(), 0L);
            if (indexed != vector.count()) {
                errors.error(lastLine, "the index counts " + indexed + " values of vector " + vector.id()
                        + ", the .vec file has " + vector.count());
            }
        }
    }

    @Override
    protected boolean dataLine(String line, LineReader reader) throws ParseException {
        lastLine = reader.lineNumber();
        if (stale || line.isEmpty() || line.charAt(0) < '0' || line.charAt(0) > '9') {
            return stale;
        }
        String[] f = line.trim().split("[ \t]+");
        if (f.length < 10) {
            throw new ParseException("index block line with " + f.length + " fields, expected at least 10");
        }
        int id = (int) Numbers.parseLong(f[0]);
        long offset = Numbers.parseLong(f[1]);
        long length = Numbers.parseLong(f[2]);
        long count = Numbers.parseLong(f[f.length - 5]);
        VectorSummary vector = vectors.get(id);
        if (vector == null) {
            throw new ParseException("index block of vector " + id + ", which the .vec file does not declare");
        }
        if (!vector.covers(offset, length)) {
            throw new ParseException("index block of vector " + id + " at offset " + offset + " (" + length
                    + " bytes) does not match the vector's lines in the .vec file");
        }
        indexedCounts.merge(id, count, Long::sum);
        return true;
    }

    @Override
    protected boolean item(String keyword, List<String> t) throws ParseException {
        switch (keyword) {
            case "file" -> {
                beginItem();
                if (t.size() < 2) {
                    throw new ParseException("expected 'file SIZE MTIME'");
                }
                long size = Numbers.parseLong(t.get(1));
                if (size != vecSize) {
                    stale = true;
                    throw new ParseException("the index was written for a .vec file of " + size
                            + " bytes, the uploaded one has " + vecSize + " bytes");
                }
            }
            case "vector" -> {
                beginItem();
                owner = Owner.ITEM;
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    protected void itemAttribute(String name, String value) {
        // attributes of the declarations repeat the .vec file's
    }

    @Override
    protected void finishItem() {
        if (owner == Owner.ITEM) {
            owner = Owner.NONE;
        }
    }

    @Override
    protected void error(long line, String reason) {
        errors.error(line, reason);
    }
}
