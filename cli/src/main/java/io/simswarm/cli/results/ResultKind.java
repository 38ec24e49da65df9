package io.simswarm.cli.results;

/** What {@code simswarm results} lists: one list endpoint of the results service each. */
public enum ResultKind {
    /** {@code /campaigns/{id}/scalars}: one row per run and scalar, or aggregated over repetitions. */
    SCALARS(true, true),
    /** {@code /statistics}: statistics and histograms with their fields and bins. */
    STATISTICS(true, false),
    /** {@code /vectors}: one summary row per vector (count, min, max, mean, times). */
    VECTORS(true, false),
    /** {@code /runs}: one row per run with its iteration variables and what it stored. */
    RUNS(false, false),
    /** {@code /params}: module parameters ({@code par} lines) of each run. */
    PARAMS(true, false);

    private final boolean byModuleAndName;
    private final boolean aggregates;

    ResultKind(boolean byModuleAndName, boolean aggregates) {
        this.byModuleAndName = byModuleAndName;
        this.aggregates = aggregates;
    }

    /** Name in the command line and in the endpoint's path. */
    public String label() {
        return name().toLowerCase();
    }

    /** Whether its rows can be filtered by module and name. */
    public boolean byModuleAndName() {
        return byModuleAndName;
    }

    /** Whether the service aggregates it over repetitions ({@code aggregate=true}). */
    public boolean aggregates() {
        return aggregates;
    }
}
