package io.simswarm.scheduler.results;

/** The results service refused the scheduler's question (wrong internal key, bad request): asking again won't help. */
public class ResultsRefusedException extends RuntimeException {

    public ResultsRefusedException(String message) {
        super(message);
    }
}
