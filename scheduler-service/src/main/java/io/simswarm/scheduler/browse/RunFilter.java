package io.simswarm.scheduler.browse;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.scheduler.run.Itervar;
import io.simswarm.scheduler.run.RunState;
import java.util.List;

/**
 * Which runs of a campaign a page shows: of one state, on one node, with these iteration variables (each null or
 * empty for no condition; all conditions hold together).
 *
 * @param state    the runs' state
 * @param node     the node of the runs' latest attempt
 * @param itervars variables the runs have with exactly these values, as OMNeT++ lists them
 */
public record RunFilter(RunState state, String node, List<Itervar> itervars) {

    public RunFilter {
        node = node == null || node.isBlank() ? null : node;
        itervars = itervars == null ? List.of() : List.copyOf(itervars);
    }

    /** The filter of a request: {@code state} and {@code node} as given, each {@code itervar} as NAME=VALUE. */
    static RunFilter of(String state, String node, List<String> itervars) {
        List<Itervar> variables = itervars == null ? List.of() : itervars.stream()
                .filter(v -> v != null && !v.isEmpty())
                .map(RunFilter::itervar)
                .toList();
        return new RunFilter(BrowseService.parse(RunState.class, state, "run state"), node, variables);
    }

    /** {@code n=4} (or {@code $n=4}, as in a run filter) as the variable n with the value 4, exactly. */
    private static Itervar itervar(String given) {
        int equals = given.indexOf('=');
        String name = equals < 0 ? "" : given.substring(given.startsWith("$") ? 1 : 0, equals);
        if (name.isEmpty()) {
            throw ApiException.badRequest("itervar must be NAME=VALUE, e.g. itervar=rho=0.5, not '" + given + "'.");
        }
        return new Itervar(name, given.substring(equals + 1));
    }
}
