package io.simswarm.scheduler.campaign;

import io.simswarm.scheduler.cluster.ClusterCapacity;
import io.simswarm.scheduler.cluster.ClusterDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Estimates a campaign before it runs ({@link Estimate}) from the durations of earlier runs of the same repository,
 * workdir, ini file and configuration, scaled by the simulated time limit when both campaigns set one
 * ({@code --sim-time-limit=} in their simulation arguments) and it differs; and tells what an ended campaign took.
 */
@ApplicationScoped
public class Estimator {

    private static final Pattern SIM_TIME_LIMIT = Pattern.compile(
            "--sim-time-limit=['\"]?([0-9]+(?:\\.[0-9]+)?(?:[eE][-+]?[0-9]+)?)\\s*(ns|us|ms|s|min|h|d)?['\"]?(?:\\s|$)");
    private static final Pattern REPEAT = Pattern.compile("--repeat=['\"]?([0-9]+)");
    private static final double MS_PER_HOUR = 3_600_000.0;
    private static final int MAX_HISTORY = 200_000;

    private final EntityManager entityManager;
    private final ClusterDirectory clusters;

    public Estimator(EntityManager entityManager, ClusterDirectory clusters) {
        this.entityManager = entityManager;
        this.clusters = clusters;
    }

    /** The estimate of campaign {@code c} (not yet stored or expanded). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Estimate estimate(Campaign c) {
        List<String> notes = new ArrayList<>();
        List<Integer> runNumbers = earlierRunNumbers(c);
        if (runNumbers == null) {
            notes.add("No earlier campaign of this configuration with the same run filter was expanded, so the number"
                    + " of runs is not known before this one is; the figures are per run. A sample campaign"
                    + " (sampleRuns; simswarm run --estimate runs one) tells both.");
        }
        Map<Integer, List<Double>> history = history(c);
        int basedOn = history.values().stream().mapToInt(List::size).sum();
        if (basedOn == 0) {
            notes.add("No earlier run of this repository and configuration succeeded, so there is no duration to"
                    + " estimate from; run a sample of the campaign first (sampleRuns, e.g. 2; simswarm run --estimate"
                    + " runs one).");
            return new Estimate(runNumbers == null ? null : runNumbers.size(), 0, null, null, null, null, null, null,
                    null, notes, Instant.now());
        }
        List<Double> pooled = history.values().stream().flatMap(List::stream).toList();
        double pooledMean = mean(pooled);
        List<Double> ratios = new ArrayList<>();
        Map<Integer, Double> means = new HashMap<>();
        history.forEach((run, durations) -> {
            double m = mean(durations);
            means.put(run, m);
            durations.forEach(d -> ratios.add(m == 0 ? 1 : d / m));
        });
        List<Double> expected = new ArrayList<>();
        for (int run : runNumbers == null ? List.of(-1) : runNumbers) {
            expected.add(means.getOrDefault(run, pooledMean));
        }
        if (runNumbers != null && runNumbers.stream().anyMatch(r -> !means.containsKey(r))) {
            notes.add("Some runs have no earlier duration of their own; they count with the mean of all earlier runs.");
        }
        double coreHours = expected.stream().mapToDouble(Double::doubleValue).sum() * c.cpusPerRun / MS_PER_HOUR;
        double[] sortedRatios = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        Optional<ClusterCapacity> capacity = clusters.capacity(c.cluster);
        Integer slots = slots(c, expected.size(), capacity, notes);
        Double wallSeconds = slots == null ? null : makespan(expected, slots) / 1000;
        Double onDemand = null;
        Double spot = null;
        if (wallSeconds != null && capacity.isPresent()) {
            Double perHour = capacity.get().hourlyCost(capacity.get().pricePerHour());
            Double spotPerHour = capacity.get().hourlyCost(capacity.get().spotPricePerHour());
            onDemand = perHour == null ? null : perHour * wallSeconds / 3600;
            spot = spotPerHour == null ? null : spotPerHour * wallSeconds / 3600;
            if (perHour == null) {
                notes.add("Cluster '" + c.cluster + "' has no instance price (the local engine, or a type missing from"
                        + " the provisioner's price table), so the cost is not estimated.");
            }
        }
        return new Estimate(runNumbers == null ? null : runNumbers.size(), basedOn, coreHours,
                coreHours * quantile(sortedRatios, 0.1), coreHours * quantile(sortedRatios, 0.9), wallSeconds, slots,
                onDemand, spot, notes, Instant.now());
    }

    /**
     * The expected duration (ms) of each run number of campaign {@code c} that earlier runs of its configuration
     * tell: the mean of that run number's earlier durations, scaled to its simulated time limit.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<Integer, Double> expectedDurations(Campaign c) {
        Map<Integer, Double> means = new HashMap<>();
        history(c).forEach((run, durations) -> means.put(run, mean(durations)));
        return means;
    }

    /** What the ended campaign took: its runs' durations and its running time. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Actual actual(Campaign c) {
        Object[] row = (Object[]) entityManager.createNativeQuery("select count(*) filter (where state = 'SUCCEEDED'),"
                + " coalesce(sum(duration_ms), 0) from run where campaign_id = ?1").setParameter(1, c.id)
                .getSingleResult();
        Double wall = c.startedAt == null || c.finishedAt == null ? null
                : (c.finishedAt.toEpochMilli() - c.startedAt.toEpochMilli()) / 1000.0;
        return new Actual(((Number) row[0]).intValue(), ((Number) row[1]).doubleValue() * c.cpusPerRun / MS_PER_HOUR,
                wall);
    }

    /** Run numbers of the latest earlier expansion with the same run filter and repetitions; null when none. */
    @SuppressWarnings("unchecked")
    private List<Integer> earlierRunNumbers(Campaign c) {
        List<Object[]> campaigns = entityManager.createNativeQuery("select id, sim_args from campaign where "
                + SAME_PROJECT + " and coalesce(run_filter, '') = ?5 and total_runs > 0 and id <> ?6"
                + " order by submitted_at desc limit 50")
                .setParameter(1, c.repoUrl).setParameter(2, c.config).setParameter(3, Objects.toString(c.workdir, ""))
                .setParameter(4, Objects.toString(c.iniFile, "")).setParameter(5, Objects.toString(c.runFilter, ""))
                .setParameter(6, Objects.toString(c.id, "")).getResultList();
        for (Object[] earlier : campaigns) {
            if (Objects.equals(repeat(c.simArgs), repeat((String) earlier[1]))) {
                return ((List<Number>) entityManager.createNativeQuery("select run_number from run where campaign_id"
                        + " = ?1 order by run_number").setParameter(1, earlier[0]).getResultList()).stream()
                        .map(Number::intValue).toList();
            }
        }
        return null;
    }

    private static final String SAME_PROJECT = "repo_url = ?1 and config = ?2 and coalesce(workdir, '') = ?3"
            + " and coalesce(ini_file, '') = ?4";

    /** Earlier successful durations per run number (ms), scaled to this campaign's simulated time limit. */
    @SuppressWarnings("unchecked")
    private Map<Integer, List<Double>> history(Campaign c) {
        List<Object[]> rows = entityManager.createNativeQuery("select r.run_number, r.duration_ms, c.sim_args"
                + " from run r join campaign c on c.id = r.campaign_id where c.repo_url = ?1 and c.config = ?2"
                + " and coalesce(c.workdir, '') = ?3 and coalesce(c.ini_file, '') = ?4 and r.state = 'SUCCEEDED' and r.duration_ms is not null and c.id <> ?5"
                + " order by r.finished_at desc limit " + MAX_HISTORY)
                .setParameter(1, c.repoUrl).setParameter(2, c.config).setParameter(3, Objects.toString(c.workdir, ""))
                .setParameter(4, Objects.toString(c.iniFile, "")).setParameter(5, Objects.toString(c.id, ""))
                .getResultList();
        Double limit = simTimeLimit(c.simArgs);
        Map<Integer, List<Double>> history = new HashMap<>();
        for (Object[] row : rows) {
            Double earlierLimit = simTimeLimit((String) row[2]);
            double scale = limit != null && earlierLimit != null && earlierLimit > 0 ? limit / earlierLimit : 1;
            history.computeIfAbsent(((Number) row[0]).intValue(), k -> new ArrayList<>())
                    .add(((Number) row[1]).doubleValue() * scale);
        }
        return history;
    }

    private static Integer slots(Campaign c, int runs, Optional<ClusterCapacity> capacity, List<String> notes) {
        int slots = Math.min(c.maxParallel, Math.max(1, runs));
        if (capacity.isEmpty() || capacity.get().readyNodes().isEmpty()) {
            notes.add("The provisioner did not list the nodes of cluster '" + c.cluster + "'; the wall time assumes"
                    + " maxParallel runs at a time.");
            return slots;
        }
        double cpus = capacity.get().readyNodes().stream().mapToDouble(ClusterCapacity.Node::cpus).sum();
        int fit = c.cpusPerRun <= 0 ? Integer.MAX_VALUE : (int) Math.floor(cpus / c.cpusPerRun + 1e-9);
        if (fit < 1) {
            notes.add("No node of cluster '" + c.cluster + "' has " + c.cpusPerRun + " CPUs for a run; the campaign"
                    + " would wait for nodes, so there is no wall time.");
            return null;
        }
        return Math.min(slots, fit);
    }

    /** Longest-first list scheduling of {@code durations} onto {@code slots}: the time the last one ends. */
    static double makespan(List<Double> durations, int slots) {
        double[] sorted = durations.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        PriorityQueue<Double> ends = new PriorityQueue<>();
        for (int i = 0; i < slots; i++) {
            ends.add(0.0);
        }
        for (int i = sorted.length - 1; i >= 0; i--) {
            ends.add(ends.poll() + sorted[i]);
        }
        return ends.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** The simulated time limit in seconds given on the command line, or null. */
    static Double simTimeLimit(String simArgs) {
        if (simArgs == null) {
            return null;
        }
        Matcher m = SIM_TIME_LIMIT.matcher(simArgs);
        if (!m.find()) {
            return null;
        }
        double value = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return value * switch (unit) {
            case "ns" -> 1e-9;
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "min" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            default -> 1;
        };
    }

    private static String repeat(String simArgs) {
        if (simArgs == null) {
            return null;
        }
        Matcher m = REPEAT.matcher(simArgs);
        return m.find() ? m.group(1) : null;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return 1;
        }
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
