package io.simswarm.scheduler.cluster;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The part of the provisioner's REST API the scheduler uses. */
@Path("/clusters")
@Produces(MediaType.APPLICATION_JSON)
public interface ProvisionerClient {

    @GET
    @Path("/{name}")
    ClusterInfo cluster(@PathParam("name") String name);

    @GET
    @Path("/{name}/docker-tls")
    DockerTls dockerTls(@PathParam("name") String name, @HeaderParam("X-SimSwarm-Internal-Key") String key);
}
