package io.simswarm.provisioner.aws;

import io.simswarm.commons.problem.Problem;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers an AWS failure that reaches a resource as problem+json carrying the AWS error code. */
public class AwsFailureMapper {

    @ServerExceptionMapper
    public Response map(AwsFailure failure) {
        Problem problem = failure.toApi().toProblem();
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
