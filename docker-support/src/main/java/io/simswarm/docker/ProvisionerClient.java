package io.simswarm.docker;

import io.simswarm.commons.security.InternalKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The part of the provisioner's REST API that tells the other services where a cluster's Docker API answers and with
 * which certificates; a REST client interface for the services that build one (Quarkus REST client).
 */
@Path("/clusters")
@Produces(MediaType.APPLICATION_JSON)
public interface ProvisionerClient {

    /**
     * Header carrying the key with which SimSwarm services call the provisioner instead of a bearer token
     * ({@code SIMSWARM_INTERNAL_KEY}); it lets them read clusters and their secrets.
     */
    String INTERNAL_KEY_HEADER = InternalKeys.HEADER;

    @GET
    @Path("/{name}")
    ClusterEndpoint cluster(@PathParam("name") String name, @HeaderParam(INTERNAL_KEY_HEADER) String key);

    @GET
    @Path("/{name}/docker-tls")
    TlsMaterial dockerTls(@PathParam("name") String name, @HeaderParam(INTERNAL_KEY_HEADER) String key);
}
