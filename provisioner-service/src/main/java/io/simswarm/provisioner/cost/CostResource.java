package io.simswarm.provisioner.cost;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Instance-hours and their estimated price. */
@Path("/clusters/{name}/cost")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class CostResource {

    private final CostService service;

    public CostResource(CostService service) {
        this.service = service;
    }

    @GET
    public CostReport get(@PathParam("name") String name) {
        return service.report(name);
    }
}
