package io.simswarm.results.compare;

import io.simswarm.results.query.Filter;
import io.simswarm.results.query.TableWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Compares the scalars of two campaigns: statistically per scalar and parameter point ({@link Welch}), or value by
 * value for regression tests that demand bit-identical results.
 */
@ApplicationScoped
public class CompareService {

    static final List<String> COLUMNS = List.of(TableWriter.ITERVARS, "module", "name", "countA", "meanA", "countB",
            "meanB", "difference", "relativeDifference", "effectSize", "pValue", "adjustedP", "verdict");
    static final List<String> EXACT_COLUMNS = List.of("repetition", TableWriter.ITERVARS, "module", "name", "a", "b");

    private final DataSource dataSource;

    public CompareService(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Key of one scalar at one point. */
    private record Key(Point point, String module, String name) {
    }

    /** Key of one scalar of one run: its point, repetition, module and name. */
    private record RunKey(Point point, long repetition, String module, String name) {
    }

    /**
     * Every scalar at every point present in both campaigns (names matching {@code scalars}, an OMNeT++ pattern,
     * when given), with its verdict at {@code alpha}, largest effects first.
     */
    public List<Comparison> compare(String a, String b, String scalars, double alpha, double margin)
            throws SQLException {
        Map<Key, Sample> samplesA = samples(a, scalars);
        Map<Key, Sample> samplesB = samples(b, scalars);
        List<Comparison> compared = new ArrayList<>();
        samplesA.forEach((key, sample) -> {
            Sample other = samplesB.get(key);
            if (other != null) {
                compared.add(Welch.compare(key.point(), key.module(), key.name(), sample, other));
            }
        });
        return Welch.decide(compared, alpha, margin);
    }

    public void write(List<Comparison> comparisons, TableWriter out) throws IOException {
        out.start(COLUMNS, itervarNames(comparisons.stream().map(Comparison::point).toList()));
        for (Comparison c : comparisons) {
            out.itervars(c.point().names(), c.point().values());
            out.text("module", c.module());
            out.text("name", c.name());
            out.integer("countA", c.a().count());
            out.number("meanA", c.a().mean());
            out.integer("countB", c.b().count());
            out.number("meanB", c.b().mean());
            out.number("difference", c.difference());
            out.number("relativeDifference", c.relativeDifference());
            out.number("effectSize", c.effectSize());
            out.number("pValue", c.pValue());
            out.number("adjustedP", c.adjustedP());
            out.text("verdict", c.verdict().label());
            out.endRow();
        }
    }

    /** Outcome of an exact comparison: how many values were compared and those that differ, in key order. */
    public record ExactResult(int compared, List<Difference> differences) {
    }

    /** One value that is not bit for bit the same (null: the scalar is missing on that side). */
    public record Difference(long repetition, Point point, String module, String name, Double a, Double b) {
    }

    /**
     * Every scalar value of every run, matched by point, repetition, module and name, compared bit for bit (NaN
     * equals NaN); a scalar present on one side only is a difference too.
     */
    public ExactResult exact(String a, String b, String scalars) throws SQLException {
        Map<RunKey, Double> valuesA = values(a, scalars);
        Map<RunKey, Double> valuesB = values(b, scalars);
        Set<RunKey> keys = new LinkedHashSet<>(valuesA.keySet());
        keys.addAll(valuesB.keySet());
        List<Difference> differences = new ArrayList<>();
        keys.stream().sorted(Comparator.comparing(RunKey::point).thenComparingLong(RunKey::repetition)
                .thenComparing(RunKey::module).thenComparing(RunKey::name)).forEach(key -> {
                    Double va = valuesA.get(key);
                    Double vb = valuesB.get(key);
                    if (va == null || vb == null || Double.doubleToLongBits(va) != Double.doubleToLongBits(vb)) {
                        differences.add(new Difference(key.repetition(), key.point(), key.module(), key.name(), va,
                                vb));
                    }
                });
        return new ExactResult(keys.size(), differences);
    }

    public void write(ExactResult result, TableWriter out) throws IOException {
        out.start(EXACT_COLUMNS, itervarNames(result.differences().stream().map(Difference::point).toList()));
        for (Difference d : result.differences()) {
            out.integer("repetition", d.repetition());
            out.itervars(d.point().names(), d.point().values());
            out.text("module", d.module());
            out.text("name", d.name());
            out.number("a", d.a());
            out.number("b", d.b());
            out.endRow();
        }
    }

    private Map<Key, Sample> samples(String campaignId, String scalars) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "select r.itervar_names, r.itervar_values, t.module, t.name, count(*), avg(t.value), "
                + "var_samp(t.value), min(t.value), max(t.value) from run r join scalar t on t.upload_id = r.upload_id"
                + " where " + filter(campaignId, scalars).where(params, true)
                + " group by r.itervar_names, r.itervar_values, t.module, t.name";
        Map<Key, Sample> samples = new LinkedHashMap<>();
        query(sql, params, rs -> {
            Double variance = rs.getDouble(7);
            if (rs.wasNull()) {
                variance = null;
            }
            samples.put(new Key(point(rs), rs.getString(3), rs.getString(4)),
                    new Sample(rs.getLong(5), rs.getDouble(6), variance, rs.getDouble(8), rs.getDouble(9)));
        });
        return samples;
    }

    private Map<RunKey, Double> values(String campaignId, String scalars) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "select r.itervar_names, r.itervar_values, t.module, t.name, r.repetition, t.value"
                + " from run r join scalar t on t.upload_id = r.upload_id where "
                + filter(campaignId, scalars).where(params, true);
        Map<RunKey, Double> values = new TreeMap<>(Comparator.comparing(RunKey::point)
                .thenComparingLong(RunKey::repetition).thenComparing(RunKey::module).thenComparing(RunKey::name));
        query(sql, params, rs -> values.put(new RunKey(point(rs), rs.getLong(5), rs.getString(3), rs.getString(4)),
                rs.getDouble(6)));
        return values;
    }

    private static Filter filter(String campaignId, String scalars) {
        return new Filter(campaignId, null, scalars, null, null);
    }

    private static Point point(ResultSet rs) throws SQLException {
        return new Point(strings(rs, 1), strings(rs, 2));
    }

    private static String[] strings(ResultSet rs, int column) throws SQLException {
        java.sql.Array array = rs.getArray(column);
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static List<String> itervarNames(List<Point> points) {
        Set<String> names = new LinkedHashSet<>();
        points.stream().filter(Objects::nonNull).forEach(p -> names.addAll(List.of(p.names())));
        return new ArrayList<>(names);
    }

    /** Handles one row of a query. */
    private interface Row {
        void take(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<Object> params, Row row) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                s.setObject(i + 1, params.get(i));
            }
            s.setFetchSize(5000);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.take(rs);
                }
            }
        }
    }
}
