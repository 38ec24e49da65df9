package io.simswarm.results.query;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Writes a list answer row by row, as JSON (an array of objects) or CSV (one header row). Each row is written
 * with the calls in the order of the columns given to {@link #start}. A <em>group</em> column (such as
 * {@link #ITERVARS}) stands for one column per name in CSV and for an object in JSON. {@link #json} values appear
 * only in JSON.
 */
public interface TableWriter extends AutoCloseable {

    /** Group column of the iteration variables. */
    String ITERVARS = "itervars";

    /** Starts the answer; {@code groups} maps each group column to its names, in column order. */
    void start(List<String> columns, Map<String, List<String>> groups) throws IOException;

    /** Starts an answer whose only group is the iteration variables. */
    default void start(List<String> columns, List<String> itervarNames) throws IOException {
        start(columns, Map.of(ITERVARS, itervarNames));
    }

    void integer(String column, Long value) throws IOException;

    void number(String column, Double value) throws IOException;

    void text(String column, String value) throws IOException;

    void numbers(String column, double[] values) throws IOException;

    /** Text values of a group column; names not given to {@link #start} are left out of CSV. */
    void group(String column, String[] names, String[] values) throws IOException;

    /** Numeric values of a group column (null: missing). */
    void numberGroup(String column, String[] names, Double[] values) throws IOException;

    default void itervars(String[] names, String[] values) throws IOException {
        group(ITERVARS, names, values);
    }

    /** Raw JSON (an object) or null; left out of CSV. */
    void json(String column, String json) throws IOException;

    void endRow() throws IOException;

    @Override
    void close() throws IOException;
}
