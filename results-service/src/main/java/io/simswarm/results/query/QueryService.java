package io.simswarm.results.query;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The list queries over a campaign's parsed results. Rows are streamed from a server-side cursor straight into a
 * {@link TableWriter}, so answers of any size use little memory.
 */
@ApplicationScoped
public class QueryService {

    /** Group column of the run attributes. */
    static final String ATTRIBUTES = "attributes";
    /** Group column of the chosen scalars of a wide table, named {@code MODULE.NAME}. */
    static final String SCALARS = "scalars";

    static final List<String> SCALAR_COLUMNS = List.of("run", "repetition", "config", TableWriter.ITERVARS, "module",
            "name", "value", "attributes");
    static final List<String> AGGREGATE_COLUMNS = List.of("config", TableWriter.ITERVARS, "module", "name", "count",
            "mean", "stddev", "min", "max", "ci95HalfWidth");
    static final List<String> STATISTIC_COLUMNS = List.of("run", "repetition", "config", TableWriter.ITERVARS,
            "module", "name", "count", "mean", "stddev", "min", "max", "sum", "sqrsum", "sumweights", "underflows",
            "overflows", "binedges", "binvalues", "binLowerBounds", "binCounts", "attributes");
    static final List<String> VECTOR_COLUMNS = List.of("key", "run", "repetition", "config", TableWriter.ITERVARS,
            "module", "name", "count", "min", "max", "mean", "stddev", "firstTime", "lastTime", "file", "vectorId",
            "attributes");
    static final List<String> RUN_COLUMNS = List.of("run", "runId", "repetition", "config", TableWriter.ITERVARS,
            ATTRIBUTES, "files", "bytes", "scalars", "statistics", "vectors", "parseErrors", "uploadedAt",
            "configEntries");
    static final List<String> PARAMETER_COLUMNS = List.of("run", "repetition", "config", TableWriter.ITERVARS,
            "module", "name", "value", "attributes");
    static final List<String> CONFIG_COLUMNS = List.of("run", "repetition", "config", TableWriter.ITERVARS, "order",
            "key", "value");
    static final List<String> WIDE_COLUMNS = List.of("run", "runId", "repetition", "config", TableWriter.ITERVARS,
            ATTRIBUTES, SCALARS);
    static final List<String> PARSE_ERROR_COLUMNS = List.of("run", "file", "line", "reason");

    private static final String RUN_FIELDS = "r.run_number, r.repetition, r.config_name, r.itervar_names, "
            + "r.itervar_values";
    private static final int FETCH_SIZE = 5000;

    private final DataSource dataSource;

    public QueryService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Iteration variable names of the selected runs, in order of first appearance. */
    public List<String> itervarNames(Filter filter) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "select r.itervar_names from run r where " + filter.where(params, false)
                + " group by r.itervar_names order by min(r.run_number)";
        Set<String> names = new LinkedHashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                names.addAll(List.of((String[]) rs.getArray(1).getArray()));
            }
        }
        return new ArrayList<>(names);
    }

    public void scalars(Filter filter, TableWriter out) throws SQLException, IOException {
        moduleValues("scalar", SCALAR_COLUMNS, filter, out, rs -> out.number("value", rs.getDouble(8)));
    }

    /**
     * The rows of a table of module values (scalars, parameters) with their run's fields, ordered by run, module and
     * name; {@code value} writes column 8 of the row.
     */
    private void moduleValues(String table, List<String> columns, Filter filter, TableWriter out, RowHandler value)
            throws SQLException, IOException {
        List<Object> params = new ArrayList<>();
        String sql = "select " + RUN_FIELDS + ", t.module, t.name, t.value, t.attributes "
                + "from run r join " + table + " t on t.upload_id = r.upload_id where " + filter.where(params, true)
                + " order by r.run_number, t.module, t.name";
        out.start(columns, itervarNames(filter));
        stream(sql, params, out, rs -> {
            runFields(rs, out);
            out.text("module", rs.getString(6));
            out.text("name", rs.getString(7));
            value.row(rs);
            out.json("attributes", rs.getString(9));
        });
    }

    public void aggregatedScalars(Filter filter, TableWriter out) throws SQLException, IOException {
        List<Object> params = new ArrayList<>();
        // the runs' parameter points first (a few rows), then scalars grouped by a point's number: grouping the
        // scalars by the text arrays of itervars themselves costs most of the query; the uploads of each point are
        // joined as rows (an "= any(uploads)" test per scalar grows with runs per point times points)
        String sql = "with p as (select row_number() over () as point, g.* from ("
                + "select r.config_name, r.itervar_names, r.itervar_values, min(r.run_number) as first_run, "
                + "array_agg(r.upload_id) as uploads from run r where " + filter.where(params, false)
                + " group by r.config_name, r.itervar_names, r.itervar_values) g), "
                + "u as (select p.point, unnest(p.uploads) as upload_id from p), "
                + "a as (select u.point, t.module, t.name, count(*) as n, avg(t.value) as mean, "
                + "stddev_samp(t.value) as sd, min(t.value) as lo, max(t.value) as hi "
                + "from u join scalar t on t.upload_id = u.upload_id where " + filter.tableWhere(params)
                + " group by u.point, t.module, t.name) "
                + "select p.config_name, p.itervar_names, p.itervar_values, a.module, a.name, a.n, a.mean, a.sd, "
                + "a.lo, a.hi from a join p on p.point = a.point order by p.first_run, a.module, a.name";
        out.start(AGGREGATE_COLUMNS, itervarNames(filter));
        stream(sql, params, out, rs -> {
            long count = rs.getLong(6);
            Double stddev = nullableDouble(rs, 8);
            out.text("config", rs.getString(1));
            out.itervars(strings(rs.getArray(2)), strings(rs.getArray(3)));
            out.text("module", rs.getString(4));
            out.text("name", rs.getString(5));
            out.integer("count", count);
            out.number("mean", nullableDouble(rs, 7));
            out.number("stddev", stddev);
            out.number("min", nullableDouble(rs, 9));
            out.number("max", nullableDouble(rs, 10));
            out.number("ci95HalfWidth", stddev == null || count < 2 ? null
                    : StudentT.quantile975(count - 1) * stddev / Math.sqrt(count));
        });
    }

    public void statistics(Filter filter, TableWriter out) throws SQLException, IOException {
        List<Object> params = new ArrayList<>();
        String sql = "select " + RUN_FIELDS + ", t.module, t.name, t.count, t.mean, t.stddev, t.min, t.max, t.sum, "
                + "t.sqrsum, coalesce((t.fields->>'sumweights')::double precision, t.count), t.bin_lower, t.bin_count, "
                + "t.attributes "
                + "from run r join statistic t on t.upload_id = r.upload_id where " + filter.where(params, true)
                + " order by r.run_number, t.module, t.name";
        out.start(STATISTIC_COLUMNS, itervarNames(filter));
        stream(sql, params, out, rs -> {
            runFields(rs, out);
            out.text("module", rs.getString(6));
            out.text("name", rs.getString(7));
            String[] names = {"count", "mean", "stddev", "min", "max", "sum", "sqrsum", "sumweights"};
            for (int i = 0; i < names.length; i++) {
                out.number(names[i], nullableDouble(rs, 8 + i));
            }
            double[] lower = doubles(rs.getArray(16));
            double[] counts = doubles(rs.getArray(17));
            Histogram histogram = Histogram.of(lower, counts);
            out.number("underflows", histogram == null ? null : histogram.underflows());
            out.number("overflows", histogram == null ? null : histogram.overflows());
            out.numbers("binedges", histogram == null ? null : histogram.binedges());
            out.numbers("binvalues", histogram == null ? null : histogram.binvalues());
            out.numbers("binLowerBounds", lower);
            out.numbers("binCounts", counts);
            out.json("attributes", rs.getString(18));
        });
    }

    public void vectors(Filter filter, TableWriter out) throws SQLException, IOException {
        List<Object> params = new ArrayList<>();
        String sql = "select " + RUN_FIELDS + ", t.module, t.name, t.count, t.min, t.max, t.mean, t.stddev, "
                + "t.first_time, t.last_time, t.vector_key, t.file, t.vector_id, t.attributes "
                + "from run r join vector t on t.upload_id = r.upload_id where " + filter.where(params, true)
                + " order by r.run_number, t.file, t.vector_id";
        out.start(VECTOR_COLUMNS, itervarNames(filter));
        stream(sql, params, out, rs -> {
            out.text("key", rs.getString(15));
            runFields(rs, out);
            out.text("module", rs.getString(6));
            out.text("name", rs.getString(7));
            out.integer("count", rs.getLong(8));
            String[] names = {"min", "max", "mean", "stddev", "firstTime", "lastTime"};
            for (int i = 0; i < names.length; i++) {
                out.number(names[i], nullableDouble(rs, 9 + i));
            }
            out.text("file", rs.getString(16));
            out.integer("vectorId", rs.getLong(17));
            out.json("attributes", rs.getString(18));
        });
    }

    public void runs(Filter filter, TableWriter out) throws SQLException, IOException {
        List<Object> params = new ArrayList<>();
        String sql = "select " + RUN_FIELDS + ", r.run_id, r.file_count, r.total_bytes, r.scalar_count, "
                + "r.statistic_count, r.vector_count, r.parse_error_count, r.uploaded_at, " + ATTRIBUTE_ARRAYS
                + ", r.config_entries from run r where " + filter.where(params, false) + " order by r.run_number";
        out.start(RUN_COLUMNS, Map.of(TableWriter.ITERVARS, itervarNames(filter), ATTRIBUTES,
                attributeNames(filter)));
        stream(sql, params, out, rs -> {
            out.integer("run", rs.getLong(1));
            out.text("runId", rs.getString(6));
            out.integer("repetition", nullableLong(rs, 2));
            out.text("config", rs.getString(3));
            out.itervars(strings(rs.getArray(4)), strings(rs.getArray(5)));
            out.group(ATTRIBUTES, strings(rs.getArray(14)), strings(rs.getArray(15)));
            String[] names = {"files", "bytes", "scalars", "statistics", "vectors", "parseErrors"};
            for (int i = 0; i < names.length; i++) {
                out.integer(names[i], rs.getLong(7 + i));
            }
            out.text("uploadedAt", rs.getTimestamp(13).toInstant().toString());
            out.json("configEntries", rs.getString(16));
        });
    }

    /** The run attributes as two arrays, names and values, sorted by name (the order OMNeT++ writes them in). */
    private static final String ATTRIBUTE_ARRAYS = "array(select key from jsonb_each_text(r.attributes) order by key), "
            + "array(select value from jsonb_each_text(r.attributes) order by key)";

    /** Attribute names of the selected runs, sorted. */
    List<String> attributeNames(Filter filter) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "select distinct k from run r cross join jsonb_object_keys(r.attributes) k where "
                + filter.where(params, false) + " order by k";
        List<String> names = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, sql, params);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** Module parameters ({@code par} lines), filtered like scalars. */
    public void parameters(Filter filter, TableWriter out) throws SQLException, IOException {
        moduleValues("parameter", PARAMETER_COLUMNS, filter, out, rs -> out.text("value", rs.getString(8)));
    }

    /** Configuration entries ({@code config} lines) of each run in file order; {@code name} filters the keys. */
    public void configEntries(Filter filter, TableWriter out) throws SQLException, IOException {
        List<Object> params = new ArrayList<>();
        Filter keys = new Filter(filter.campaignId(), null, filter.name(), filter.config(), filter.runs());
        String sql = "select " + RUN_FIELDS + ", t.ord, t.name, t.value from run r cross join lateral "
                + "(select e.ord, (e.entry->>0) collate \"C\" as name, e.entry->>1 as value "
                + "from jsonb_array_elements(r.config_entries) with ordinality as e(entry, ord)) t where "
                + keys.where(params, true) + " order by r.run_number, t.ord";
        out.start(CONFIG_COLUMNS, itervarNames(filter));
        stream(sql, params, out, rs -> {
            runFields(rs, out);
            out.integer("order", rs.getLong(6));
            out.text("key", rs.getString(7));
            out.text("value", rs.getString(8));
        });
    }

    /**
     * The wide table: one row per run with its itervars, attributes and the chosen scalars (module and name
     * patterns) as columns named {@code MODULE.NAME}, ready for a pandas pivot. A run without any chosen scalar is
     * left out.
     */
    public void wide(Filter filter, TableWriter out) throws SQLException, IOException {
        List<Object> columnParams = new ArrayList<>();
        String columnsSql = "select distinct t.module, t.name from run r join scalar t on t.upload_id = r.upload_id "
                + "where " + filter.where(columnParams, true) + " order by 1, 2";
        Map<String, Integer> index = new java.util.LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = prepare(c, columnsSql, columnParams);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                index.put(rs.getString(1) + "." + rs.getString(2), index.size());
            }
        }
        String[] names = index.keySet().toArray(String[]::new);
        out.start(WIDE_COLUMNS, Map.of(TableWriter.ITERVARS, itervarNames(filter), ATTRIBUTES,
                attributeNames(filter), SCALARS, List.of(names)));
        List<Object> params = new ArrayList<>();
        String sql = "select " + RUN_FIELDS + ", r.run_id, " + ATTRIBUTE_ARRAYS + ", t.module, t.name, t.value "
                + "from run r join scalar t on t.upload_id = r.upload_id where " + filter.where(params, true)
                + " order by r.run_number";
        Double[][] values = {null};
        long[] current = {-1};
        streamRows(sql, params, rs -> {
            long run = rs.getLong(1);
            if (run != current[0]) {
                if (values[0] != null) {
                    out.numberGroup(SCALARS, names, values[0]);
                    out.endRow();
                }
                current[0] = run;
                values[0] = new Double[names.length];
                out.integer("run", run);
                out.text("runId", rs.getString(6));
                out.integer("repetition", nullableLong(rs, 2));
                out.text("config", rs.getString(3));
                out.itervars(strings(rs.getArray(4)), strings(rs.getArray(5)));
                out.group(ATTRIBUTES, strings(rs.getArray(7)), strings(rs.getArray(8)));
            }
            Integer at = index.get(rs.getString(9) + "." + rs.getString(10));
            if (at != null) {
                values[0][at] = rs.getDouble(11);
            }
        });
        if (values[0] != null) {
            out.numberGroup(SCALARS, names, values[0]);
            out.endRow();
        }
    }

    public void parseErrors(Filter filter, TableWriter out) throws SQLException, IOException {
        List<Object> params = new ArrayList<>();
        String sql = "select r.run_number, t.file, t.line, t.reason from run r "
                + "join parse_error t on t.upload_id = r.upload_id where " + filter.where(params, false)
                + " order by r.run_number, t.file, t.line";
        out.start(PARSE_ERROR_COLUMNS, List.of());
        stream(sql, params, out, rs -> {
            out.integer("run", rs.getLong(1));
            out.text("file", rs.getString(2));
            out.integer("line", rs.getLong(3));
            out.text("reason", rs.getString(4));
        });
    }

    private static void runFields(ResultSet rs, TableWriter out) throws SQLException, IOException {
        out.integer("run", rs.getLong(1));
        out.integer("repetition", nullableLong(rs, 2));
        out.text("config", rs.getString(3));
        out.itervars(strings(rs.getArray(4)), strings(rs.getArray(5)));
    }

    /** Handles one row of a streamed result. */
    interface RowHandler {
        void row(ResultSet rs) throws SQLException, IOException;
    }

    private void stream(String sql, List<Object> params, TableWriter out, RowHandler handler)
            throws SQLException, IOException {
        streamRows(sql, params, rs -> {
            handler.row(rs);
            out.endRow();
        });
    }

    /** Hands each row of a query to the handler, fetched from a server-side cursor. */
    private void streamRows(String sql, List<Object> params, RowHandler handler) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (PreparedStatement s = prepare(c, sql, params)) {
                s.setFetchSize(FETCH_SIZE);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        handler.row(rs);
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> params) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            s.setObject(i + 1, params.get(i));
        }
        return s;
    }

    static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    static double[] doubles(Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Double[] boxed = (Double[]) array.getArray();
        double[] values = new double[boxed.length];
        for (int i = 0; i < boxed.length; i++) {
            values[i] = boxed[i];
        }
        return values;
    }
}
