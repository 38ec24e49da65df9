package io.simswarm.results.upload;

import java.util.ArrayList;
import java.util.List;

/** The parse errors of one upload: the first {@link #KEPT} are kept with file and line, all are counted. */
final class ParseErrors {

    static final int KEPT = 1000;

    /** One line that could not be parsed. */
    record Entry(String file, long line, String reason) {

        @Override
        public String toString() {
            return file + ":" + line + ": " + reason;
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private int total;

    void add(String file, long line, String reason) {
        total++;
        if (entries.size() < KEPT) {
            entries.add(new Entry(file, line, reason));
        }
    }

    List<Entry> entries() {
        return entries;
    }

    int total() {
        return total;
    }

    /** One line per error for the results-stored event, at most {@code max} lines plus a count of the rest. */
    List<String> summary(int max) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < Math.min(max, entries.size()); i++) {
            lines.add(entries.get(i).toString());
        }
        if (total > lines.size()) {
            lines.add("... and " + (total - lines.size()) + " more");
        }
        return lines;
    }
}
