package io.simswarm.scheduler.run;

/**
 * Why an attempt failed. The class decides what happens next unless one of the campaign's exit rules
 * ({@link ExitRule}) says otherwise.
 */
public enum FailureClass {
    /**
     * The simulation stopped with an OMNeT++ error ({@code <!> Error ...} in its output and a non-zero exit code):
     * the model itself failed and would fail the same way again, so the run is not tried again.
     */
    MODEL_ERROR(ExitAction.EXIT),
    /** The run was killed at its time limit (exit code 124); tried again while the retry budget lasts. */
    TIMEOUT(ExitAction.RETRY),
    /** Another non-zero exit code (a crash, a signal); tried again while the retry budget lasts. */
    EXIT_CODE(ExitAction.RETRY),
    /**
     * The system lost the attempt, not the run: its worker container or node went away, its lease expired, or its
     * results could not reach the results service. Tried again without spending the retry budget, up to
     * {@code lease.max-system-failures} such losses; exit rules do not apply.
     */
    SYSTEM(ExitAction.RETRY);

    private final ExitAction byDefault;

    FailureClass(ExitAction byDefault) {
        this.byDefault = byDefault;
    }

    /** What happens to a run whose attempt failed this way when no exit rule of its campaign matches. */
    public ExitAction byDefault() {
        return byDefault;
    }
}
