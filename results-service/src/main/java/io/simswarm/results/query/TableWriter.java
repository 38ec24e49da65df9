package io.simswarm.results.query;

import java.io.IOException;
import java.util.List;

/**
 * Writes a list answer row by row, as JSON (an array of objects) or CSV (one header row). Each row is written
 * with the calls in the order of the columns given to {@link #start}; the {@link #ITERVARS} column stands for one
 * column per iteration variable in CSV and for an object in JSON. {@link #json} values appear only in JSON.
 */
public interface TableWriter extends AutoCloseable {

    /** Placeholder column for the iteration variables. */
    String ITERVARS = "itervars";

    void start(List<String> columns, List<String> itervarNames) throws IOException;

    void integer(String column, Long value) throws IOException;

    void number(String column, Double value) throws IOException;

    void text(String column, String value) throws IOException;

    void numbers(String column, double[] values) throws IOException;

    void itervars(String[] names, String[] values) throws IOException;

    /** Raw JSON (an object) or null; left out of CSV. */
    void json(String column, String json) throws IOException;

    void endRow() throws IOException;

    @Override
    void close() throws IOException;
}
