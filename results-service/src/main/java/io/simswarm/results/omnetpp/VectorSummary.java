package io.simswarm.results.omnetpp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A vector of a .vec file: its declaration and what one pass over its data gives: count, min, max, mean and
 * sample standard deviation of the values (Welford), first and last time and event number, and the byte ranges
 * of the file that hold its data lines ("blocks", contiguous runs of its lines). When a vector is spread over more
 * than {@link #MAX_BLOCKS} ranges, they are merged into one range from its first to its last line (readers then
 * skip the other vectors' lines inside it).
 */
public final class VectorSummary {

    public static final int MAX_BLOCKS = 1024;

    private final int id;
    private final String module;
    private final String name;
    private final String columns;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final int valueColumn;
    private final int timeColumn;
    private final int eventColumn;

    private long count;
    private double mean;
    private double m2;
    private double sum;
    private double min = Double.NaN;
    private double max = Double.NaN;
    private double firstTime = Double.NaN;
    private double lastTime = Double.NaN;
    private long firstEvent = -1;
    private long lastEvent = -1;
    private long[] blockOffsets = new long[4];
    private long[] blockEnds = new long[4];
    private int blocks;

    public VectorSummary(int id, String module, String name, String columns) throws ParseException {
        this.id = id;
        this.module = module;
        this.name = name;
        this.columns = columns;
        this.valueColumn = columns.indexOf('V');
        this.timeColumn = columns.indexOf('T');
        this.eventColumn = columns.indexOf('E');
        if (valueColumn < 0 || !columns.matches("[ETV]+") || columns.chars().distinct().count() != columns.length()) {
            throw new ParseException("vector columns '" + columns + "' are not a combination of E, T and V with V");
        }
    }

    /** Adds one data line; {@code fields} holds the columns after the vector id. */
    void add(String[] fields, int fieldCount, long offset, int length) throws ParseException {
        if (fieldCount != columns.length()) {
            throw new ParseException("vector " + id + " has columns " + columns + " but the line has " + fieldCount
                    + " values");
        }
        double value = Numbers.parse(fields[valueColumn]);
        double time = timeColumn >= 0 ? Numbers.parse(fields[timeColumn]) : Double.NaN;
        long event = eventColumn >= 0 ? Numbers.parseLong(fields[eventColumn]) : -1;
        accumulate(value, time, event);
        extendBlocks(offset, offset + length);
    }

    private void accumulate(double value, double time, long event) {
        count++;
        if (count == 1) {
            min = value;
            max = value;
            firstTime = time;
            firstEvent = event;
        } else {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        lastTime = time;
        lastEvent = event;
        sum += value;
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
    }

    private void extendBlocks(long start, long end) {
        if (blocks > 0 && blockEnds[blocks - 1] == start) {
            blockEnds[blocks - 1] = end;
            return;
        }
        if (blocks == MAX_BLOCKS) {
            blockEnds[0] = end;
            blocks = 1;
            return;
        }
        if (blocks == blockOffsets.length) {
            blockOffsets = Arrays.copyOf(blockOffsets, blocks * 2);
            blockEnds = Arrays.copyOf(blockEnds, blocks * 2);
        }
        blockOffsets[blocks] = start;
        blockEnds[blocks++] = end;
    }

    void attribute(String attribute, String value) {
        attributes.put(attribute, value);
    }

    public int id() {
        return id;
    }

    public String module() {
        return module;
    }

    public String name() {
        return name;
    }

    public String columns() {
        return columns;
    }

    public Map<String, String> attributes() {
        return attributes;
    }

    public long count() {
        return count;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double sum() {
        return sum;
    }

    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Sample standard deviation (n - 1 in the denominator); NaN for fewer than two values. */
    public double stddev() {
        return count < 2 ? Double.NaN : Math.sqrt(m2 / (count - 1));
    }

    public double firstTime() {
        return firstTime;
    }

    public double lastTime() {
        return lastTime;
    }

    public long firstEvent() {
        return firstEvent;
    }

    public long lastEvent() {
        return lastEvent;
    }

    public long[] blockOffsets() {
        return Arrays.copyOf(blockOffsets, blocks);
    }

    public long[] blockLengths() {
        long[] lengths = new long[blocks];
        for (int i = 0; i < blocks; i++) {
            lengths[i] = blockEnds[i] - blockOffsets[i];
        }
        return lengths;
    }

    /** True when the byte range lies inside one block of this vector. */
    boolean covers(long offset, long length) {
        for (int i = 0; i < blocks; i++) {
            if (blockOffsets[i] <= offset && offset + length <= blockEnds[i]) {
                return true;
            }
        }
        return false;
    }
}
