package io.simswarm.scheduler.expansion;

import io.simswarm.scheduler.point.PlannedPoint;
import io.simswarm.scheduler.run.Itervar;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameter points of a campaign with precision targets, from its expansion: the runs the ini file and the run
 * filter select name the points (their iteration variables without {@code $repetition}) and how many repetitions
 * each starts with; the listing with {@code --repeat=maxRepetitions} gives the run number of every repetition a point
 * may get. OMNeT++ numbers runs with the repetition innermost, so these numbers differ from the ini's; the runs of
 * the campaign are numbered this way from the start, and their seeds are the ones OMNeT++ gives those numbers.
 */
final class PointPlanner {

    private static final String REPETITION = "repetition";

    private PointPlanner() {
    }

    /**
     * The plan: the first runs with their iteration variables, and the points; or why there is none.
     *
     * @param runs     run numbers of the first repetitions, in point order
     * @param itervars their iteration variables, with the repetition
     * @param points   the points in the order of their first selected run
     * @param error    a sentence for the user when the points cannot be told; null otherwise
     */
    record Plan(List<Integer> runs, Map<Integer, List<Itervar>> itervars, List<PlannedPoint> points, String error) {

        static Plan failed(String error) {
            return new Plan(List.of(), Map.of(), List.of(), error);
        }
    }

    static Plan of(RunNumbers.Outcome outcome, int maxRepetitions) {
        Map<List<Itervar>, Integer> selected = new LinkedHashMap<>();
        for (int run : outcome.runs()) {
            List<Itervar> itervars = outcome.itervars().get(run);
            if (itervars == null || repetition(itervars) == null) {
                return Plan.failed("Repeating points until a precision target needs each run's iteration variables"
                        + " with $repetition, and the program's -q runs listing gave none for run " + run + ".");
            }
            selected.merge(point(itervars), 1, Integer::sum);
        }
        Map<List<Itervar>, Map<Integer, Integer>> reserve = new HashMap<>();
        for (Map.Entry<Integer, List<Itervar>> listed : new TreeMap<>(outcome.reserve()).entrySet()) {
            Integer repetition = repetition(listed.getValue());
            if (repetition != null) {
                reserve.computeIfAbsent(point(listed.getValue()), k -> new HashMap<>()).put(repetition, listed.getKey());
            }
        }
        List<Integer> runs = new ArrayList<>();
        Map<Integer, List<Itervar>> itervars = new HashMap<>();
        List<PlannedPoint> points = new ArrayList<>();
        for (Map.Entry<List<Itervar>, Integer> point : selected.entrySet()) {
            Map<Integer, Integer> byRepetition = reserve.getOrDefault(point.getKey(), Map.of());
            List<Integer> numbers = new ArrayList<>();
            for (int repetition = 0; repetition < maxRepetitions; repetition++) {
                Integer number = byRepetition.get(repetition);
                if (number == null) {
                    return Plan.failed("Listing the runs with --repeat=" + maxRepetitions + " gave point "
                            + describe(point.getKey()) + " no run for repetition " + repetition + "; OMNeT++ adds"
                            + " repetitions this way only when the ini's repeat is not tied to other variables.");
                }
                numbers.add(number);
            }
            int initial = Math.min(point.getValue(), maxRepetitions);
            for (int repetition = 0; repetition < initial; repetition++) {
                int number = numbers.get(repetition);
                runs.add(number);
                List<Itervar> withRepetition = new ArrayList<>(point.getKey());
                withRepetition.add(new Itervar(REPETITION, String.valueOf(repetition)));
                itervars.put(number, List.copyOf(withRepetition));
            }
            points.add(new PlannedPoint(point.getKey(), numbers, initial));
        }
        return new Plan(runs, itervars, points, null);
    }

    private static Integer repetition(List<Itervar> itervars) {
        for (Itervar v : itervars) {
            if (v.name().equals(REPETITION)) {
                try {
                    return Integer.valueOf(v.value().strip());
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static List<Itervar> point(List<Itervar> itervars) {
        return itervars.stream().filter(v -> !v.name().equals(REPETITION)).toList();
    }

    private static String describe(List<Itervar> point) {
        if (point.isEmpty()) {
            return "(no iteration variables)";
        }
        StringBuilder text = new StringBuilder();
        point.forEach(v -> text.append(text.isEmpty() ? "" : ", ").append('$').append(v.name()).append('=')
                .append(v.value()));
        return text.toString();
    }
}
