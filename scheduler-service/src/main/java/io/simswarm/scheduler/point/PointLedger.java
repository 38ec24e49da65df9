package io.simswarm.scheduler.point;

import io.simswarm.scheduler.run.Itervar;
import io.simswarm.scheduler.run.RunLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Owns the points of campaigns with precision targets: planned at expansion, judged once all their runs so far have
 * ended (more repetitions released as PENDING runs, or a final state), read for views. Callers hold the campaign's row
 * lock for changes.
 */
@ApplicationScoped
public class PointLedger {

    private static final String OPEN_RUNS = "('PENDING', 'RUNNING', 'UPLOADED')";

    private final EntityManager entityManager;
    private final RunLedger runs;

    public PointLedger(EntityManager entityManager, RunLedger runs) {
        this.entityManager = entityManager;
        this.runs = runs;
    }

    /** Stores the points of a campaign just expanded, all OPEN; their first runs are added with the campaign's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void plan(String campaignId, List<PlannedPoint> planned) {
        for (int i = 0; i < planned.size(); i++) {
            PlannedPoint p = planned.get(i);
            Point point = new Point();
            point.campaignId = campaignId;
            point.position = i;
            point.itervars = p.itervars();
            point.runNumbers = p.runNumbers().stream().mapToInt(Integer::intValue).toArray();
            point.state = PointState.OPEN;
            point.persist();
        }
    }

    /** True while a point of the campaign may still get repetitions. */
    public boolean anyOpen(String campaignId) {
        return Point.count("campaignId = ?1 and state = ?2", campaignId, PointState.OPEN) > 0;
    }

    /**
     * The OPEN points of the RUNNING campaigns among {@code campaignIds} all of whose runs so far have ended: the
     * points to judge now, in campaign and point order.
     */
    @SuppressWarnings("unchecked")
    public List<Long> ready(Collection<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return List.of();
        }
        List<Number> ids = entityManager.createNativeQuery("select p.id from point p join campaign c on c.id ="
                + " p.campaign_id where p.state = 'OPEN' and c.status = 'RUNNING'"
                + " and p.campaign_id = any(cast(?1 as varchar[]))"
                + " and not exists (select 1 from run r where r.campaign_id = p.campaign_id"
                + " and r.run_number = any(p.run_numbers) and r.state in " + OPEN_RUNS + ")"
                + " order by p.campaign_id, p.position")
                .setParameter(1, campaignIds.stream().map(id -> '"' + id.replace("\\", "\\\\").replace("\"", "\\\"") + '"')
                        .collect(Collectors.joining(",", "{", "}")))
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /** The point, locked against concurrent changes until the transaction ends; null when it is gone. */
    public Point lock(long id) {
        return Point.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The run numbers of the point released so far, lowest first. */
    @SuppressWarnings("unchecked")
    public List<Integer> released(Point point) {
        List<Number> numbers = entityManager.createNativeQuery("select r.run_number from run r where r.campaign_id = ?1"
                + " and r.run_number = any(cast(?2 as integer[])) order by r.run_number")
                .setParameter(1, point.campaignId)
                .setParameter(2, array(point.runNumbers))
                .getResultList();
        return numbers.stream().map(Number::intValue).toList();
    }

    /**
     * Records {@code decision} on an OPEN point whose runs so far are {@code released}: its measures, its state, and
     * the next {@code decision.more()} repetitions as PENDING runs.
     *
     * @return the number of runs added
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int judged(Point point, Decision decision, List<Integer> released) {
        point.measures = decision.measures();
        point.evaluatedAt = Instant.now();
        point.state = decision.state();
        if (decision.more() == 0) {
            return 0;
        }
        Set<Integer> existing = new HashSet<>(released);
        Map<Integer, List<Itervar>> itervars = new HashMap<>();
        List<Integer> next = new ArrayList<>();
        for (int repetition = 0; repetition < point.runNumbers.length && next.size() < decision.more(); repetition++) {
            int number = point.runNumbers[repetition];
            if (!existing.contains(number)) {
                next.add(number);
                itervars.put(number, withRepetition(point.itervars, repetition));
            }
        }
        runs.add(point.campaignId, next, itervars);
        if (next.isEmpty()) {
            point.state = PointState.BUDGET;
        }
        return next.size();
    }

    /** Number of the campaign's points per state. */
    public Map<PointState, Integer> counts(String campaignId) {
        List<Object[]> rows = entityManager.createQuery(
                "select p.state, count(p) from Point p where p.campaignId = ?1 group by p.state", Object[].class)
                .setParameter(1, campaignId)
                .getResultList();
        Map<PointState, Integer> counts = new EnumMap<>(PointState.class);
        rows.forEach(row -> counts.put((PointState) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    /** The campaign's points in order, each with how many of its runs were released, succeeded and failed. */
    @SuppressWarnings("unchecked")
    public List<PointView> views(String campaignId, int maxRepetitions) {
        List<Point> points = Point.list("campaignId = ?1 order by position", campaignId);
        Map<Integer, int[]> tallies = new HashMap<>();
        List<Object[]> rows = entityManager.createNativeQuery("select p.position, count(r.id),"
                + " count(*) filter (where r.state = 'SUCCEEDED'), count(*) filter (where r.state = 'FAILED')"
                + " from point p left join run r on r.campaign_id = p.campaign_id and r.run_number = any(p.run_numbers)"
                + " where p.campaign_id = ?1 group by p.position")
                .setParameter(1, campaignId)
                .getResultList();
        rows.forEach(row -> tallies.put(((Number) row[0]).intValue(), new int[] {((Number) row[1]).intValue(),
                ((Number) row[2]).intValue(), ((Number) row[3]).intValue()}));
        return points.stream().map(p -> {
            int[] tally = tallies.getOrDefault(p.position, new int[3]);
            return new PointView(p.itervars, p.state, tally[0], tally[1], tally[2], maxRepetitions,
                    p.measures == null ? List.of() : p.measures, p.evaluatedAt);
        }).toList();
    }

    static List<Itervar> withRepetition(List<Itervar> itervars, int repetition) {
        List<Itervar> all = new ArrayList<>(itervars);
        all.add(new Itervar("repetition", String.valueOf(repetition)));
        return all;
    }

    private static String array(int[] numbers) {
        return Arrays.stream(numbers).mapToObj(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
