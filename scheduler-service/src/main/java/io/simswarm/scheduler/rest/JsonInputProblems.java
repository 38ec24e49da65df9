package io.simswarm.scheduler.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.simswarm.commons.problem.ProblemMapper;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * JSON of the wrong shape (a text where a number belongs, ...) answered as problem+json like every other error:
 * Quarkus' own mapper for these exceptions is more specific than the shared {@link ProblemMapper}'s and would
 * otherwise answer with its own JSON.
 */
public class JsonInputProblems {

    private final ProblemMapper problems = new ProblemMapper();

    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e) {
        return problems.mapUnreadableJson(e);
    }
}
