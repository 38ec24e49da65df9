package io.simswarm.results.omnetpp;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What .sca, .vec and .vci files share: line handling, the run header ({@code version}, {@code run},
 * {@code attr}, {@code itervar}, {@code config}, {@code param}) and the rule that an {@code attr} line belongs to
 * the entry before it. A line that cannot be understood is reported with its number and skipped.
 */
abstract class ResultFileParser {

    /** What the next {@code attr} line belongs to. */
    enum Owner {
        NONE, RUN, ITEM,
        /** The entry before could not be read: its attributes are dropped without further errors. */
        SKIPPED
    }

    protected final RunHeader header = new RunHeader();
    protected Owner owner = Owner.NONE;
    private int runs;

    public RunHeader header() {
        return header;
    }

    protected void parseLines(InputStream in) throws IOException {
        LineReader reader = new LineReader(in);
        String line;
        while ((line = reader.next()) != null) {
            try {
                if (!dataLine(line, reader) && !Tokenizer.isBlankOrComment(line)) {
                    entry(Tokenizer.tokenize(line));
                }
            } catch (ParseException e) {
                error(reader.lineNumber(), e.getMessage());
            }
        }
        finishItem();
    }

    /** Handles a line that is not an entry (vector data); false when the line is an entry. */
    protected boolean dataLine(String line, LineReader reader) throws ParseException {
        return false;
    }

    /** Handles a file-specific entry; false when the keyword is unknown. */
    protected abstract boolean item(String keyword, List<String> tokens) throws ParseException;

    /** An {@code attr} line after a file-specific entry. */
    protected abstract void itemAttribute(String name, String value) throws ParseException;

    /** The pending file-specific entry is complete. */
    protected abstract void finishItem();

    protected abstract void error(long line, String reason);

    private void entry(List<String> t) throws ParseException {
        String keyword = t.get(0);
        switch (keyword) {
            case "version" -> version(t);
            case "run" -> {
                finishItem();
                expect(t, 2, "run RUNID");
                if (++runs == 1) {
                    header.runId(t.get(1));
                }
                owner = Owner.RUN;
            }
            case "attr" -> attribute(t);
            case "itervar" -> runLevel(t, "itervar NAME VALUE", () -> header.itervar(t.get(1), t.get(2)));
            case "config" -> runLevel(t, "config KEY VALUE", () -> header.config(t.get(1), t.get(2)));
            case "param" -> runLevel(t, "param KEY VALUE", () -> header.config(t.get(1), t.get(2)));
            default -> {
                if (!item(keyword, t)) {
                    throw new ParseException("unknown keyword '" + keyword + "'");
                }
            }
        }
    }

    private void version(List<String> t) throws ParseException {
        expect(t, 2, "version NUMBER");
        long version = Numbers.parseLong(t.get(1));
        if (version < 2 || version > 3) {
            throw new ParseException("unsupported file format version " + t.get(1) + " (versions 2 and 3 are known)");
        }
        header.version((int) version);
    }

    private void attribute(List<String> t) throws ParseException {
        expect(t, 3, "attr NAME VALUE");
        switch (owner) {
            case RUN -> {
                if (runs <= 1) {
                    header.attribute(t.get(1), t.get(2));
                }
            }
            case ITEM -> itemAttribute(t.get(1), t.get(2));
            case SKIPPED -> {
            }
            default -> throw new ParseException("attr line without a run, scalar, statistic or vector before it");
        }
    }

    private interface Action {
        void run();
    }

    private void runLevel(List<String> t, String form, Action action) throws ParseException {
        finishItem();
        expect(t, 3, form);
        if (runs <= 1) {
            action.run();
        }
        owner = Owner.RUN;
    }

    /** Called before an entry that starts an item is read: if it fails, its attr lines are skipped quietly. */
    protected void beginItem() {
        finishItem();
        owner = Owner.SKIPPED;
    }

    protected static void expect(List<String> tokens, int count, String form) throws ParseException {
        if (tokens.size() != count) {
            throw new ParseException("expected '" + form + "' (" + count + " fields), found " + tokens.size()
                    + " fields");
        }
    }
}
