package io.simswarm.scheduler.results;

/** The results service could not answer now (out of reach, busy, failing); asking again later may succeed. */
public class ResultsUnavailableException extends RuntimeException {

    public ResultsUnavailableException(String message) {
        super(message);
    }
}
