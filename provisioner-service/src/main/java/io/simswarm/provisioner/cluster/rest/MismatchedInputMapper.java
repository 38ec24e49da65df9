package io.simswarm.provisioner.cluster.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.simswarm.commons.problem.ProblemMapper;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A JSON value of the wrong type ("workers": "many") as problem+json. Quarkus has a built-in mapper for this
 * exception that is more specific than the shared one for JsonProcessingException, so it is taken over here.
 */
public class MismatchedInputMapper {

    private final ProblemMapper problems = new ProblemMapper();

    @ServerExceptionMapper
    public Response map(MismatchedInputException e) {
        return problems.mapUnreadableJson(e);
    }
}
