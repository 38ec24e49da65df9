package io.simswarm.results.omnetpp;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Streaming reader of .sca files, format versions 2 and 3: {@code scalar}, {@code statistic} with {@code field}
 * and {@code bin} lines, {@code par}, each with its {@code attr} lines. Entries are handed to a
 * {@link ScaHandler} as soon as they are complete; memory use does not grow with the file.
 */
public final class ScaParser extends ResultFileParser {

    private enum Kind {
        NONE, SCALAR, PARAMETER, STATISTIC
    }

    private final ScaHandler handler;
    private Kind kind = Kind.NONE;
    private String module;
    private String name;
    private String text;
    private double value;
    private Map<String, String> attributes;
    private Map<String, Double> fields;
    private double[] binLower;
    private double[] binCount;
    private int bins;

    public ScaParser(ScaHandler handler) {
        this.handler = handler;
    }

    /** Reads the whole stream (and closes it); the run header is available afterwards. */
    public RunHeader parse(InputStream in) throws IOException {
        try (in) {
            parseLines(in);
        }
        return header;
    }

    @Override
    protected boolean item(String keyword, List<String> t) throws ParseException {
        switch (keyword) {
            case "scalar" -> {
                beginItem();
                expect(t, 4, "scalar MODULE NAME VALUE");
                double parsed = Numbers.parse(t.get(3));
                start(Kind.SCALAR, t);
                value = parsed;
                text = t.get(3);
            }
            case "par" -> {
                beginItem();
                expect(t, 4, "par MODULE NAME VALUE");
                start(Kind.PARAMETER, t);
                text = t.get(3);
            }
            case "statistic" -> {
                beginItem();
                expect(t, 3, "statistic MODULE NAME");
                start(Kind.STATISTIC, t);
                fields = new LinkedHashMap<>();
                binLower = new double[16];
                binCount = new double[16];
                bins = 0;
            }
            case "field" -> field(t);
            case "bin" -> bin(t);
            default -> {
                return false;
            }
        }
        return true;
    }

    private void start(Kind next, List<String> t) {
        finishItem();
        kind = next;
        module = t.get(1);
        name = t.get(2);
        attributes = null;
        owner = Owner.ITEM;
    }

    private void field(List<String> t) throws ParseException {
        requireStatistic("field");
        expect(t, 3, "field NAME VALUE");
        fields.put(t.get(1), Numbers.parse(t.get(2)));
    }

    private void bin(List<String> t) throws ParseException {
        requireStatistic("bin");
        expect(t, 3, "bin LOWERBOUND COUNT");
        double lower = Numbers.parse(t.get(1));
        double count = Numbers.parse(t.get(2));
        if (bins == binLower.length) {
            binLower = java.util.Arrays.copyOf(binLower, bins * 2);
            binCount = java.util.Arrays.copyOf(binCount, bins * 2);
        }
        binLower[bins] = lower;
        binCount[bins++] = count;
    }

    private void requireStatistic(String keyword) throws ParseException {
        if (kind != Kind.STATISTIC || owner != Owner.ITEM) {
            throw new ParseException(keyword + " line outside a statistic");
        }
    }

    @Override
    protected void itemAttribute(String attribute, String attributeValue) {
        if (attributes == null) {
            attributes = new LinkedHashMap<>(4);
        }
        attributes.put(attribute, attributeValue);
    }

    @Override
    protected void finishItem() {
        Map<String, String> attrs = attributes == null ? Map.of() : attributes;
        switch (kind) {
            case SCALAR -> handler.scalar(new Scalar(module, name, value, text, attrs));
            case PARAMETER -> handler.parameter(module, name, text, attrs);
            case STATISTIC -> handler.statistic(new Statistic(module, name, fields, attrs,
                    java.util.Arrays.copyOf(binLower, bins), java.util.Arrays.copyOf(binCount, bins)));
            default -> {
            }
        }
        kind = Kind.NONE;
        attributes = null;
        if (owner == Owner.ITEM) {
            owner = Owner.NONE;
        }
    }

    @Override
    protected void error(long line, String reason) {
        handler.error(line, reason);
    }
}
