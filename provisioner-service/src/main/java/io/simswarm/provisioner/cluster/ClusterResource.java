package io.simswarm.provisioner.cluster;

import static io.simswarm.docker.ProvisionerClient.INTERNAL_KEY_HEADER;

import io.simswarm.commons.problem.ApiException;
import io.simswarm.docker.TlsMaterial;
import io.simswarm.provisioner.cluster.rest.ClusterView;
import io.simswarm.provisioner.cluster.rest.CreateClusterRequest;
import io.simswarm.provisioner.cluster.rest.ResizeRequest;
import io.simswarm.provisioner.config.ProvisionerConfig;
import io.smallrye.common.annotation.Blocking;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

/** Clusters: list, create, resize, halt, resume, delete; long operations answer 202 and finish in the background. */
@Path("/clusters")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ClusterResource {

    private final ClusterService service;
    private final ClusterViews views;
    private final ClusterEndpoints endpoints;
    private final ProvisionerConfig config;

    public ClusterResource(ClusterService service, ClusterViews views, ClusterEndpoints endpoints,
            ProvisionerConfig config) {
        this.service = service;
        this.views = views;
        this.endpoints = endpoints;
        this.config = config;
    }

    @GET
    public List<ClusterView> list() {
        return service.list().stream().map(views::view).toList();
    }

    @GET
    @Path("/{name}")
    public ClusterView get(@PathParam("name") String name) {
        return views.view(service.get(name));
    }

    @POST
    public Response create(@Valid @NotNull CreateClusterRequest request) {
        ClusterView view = views.view(service.create(request));
        return Response.accepted(view).location(URI.create("/clusters/" + view.name())).build();
    }

    @POST
    @Path("/{name}/resize")
    public Response resize(@PathParam("name") String name, @Valid @NotNull ResizeRequest request) {
        return Response.accepted(views.view(service.resize(name, request.workers()))).build();
    }

    @POST
    @Path("/{name}/halt")
    public Response halt(@PathParam("name") String name) {
        return Response.accepted(views.view(service.halt(name))).build();
    }

    @POST
    @Path("/{name}/resume")
    public Response resume(@PathParam("name") String name) {
        return Response.accepted(views.view(service.resume(name))).build();
    }

    @DELETE
    @Path("/{name}")
    public Response delete(@PathParam("name") String name) {
        return Response.accepted(views.view(service.delete(name))).build();
    }

    /** The client TLS material of an EC2 cluster's Docker API, for other SimSwarm services only. */
    @GET
    @Path("/{name}/docker-tls")
    public TlsMaterial dockerTls(@PathParam("name") String name, @HeaderParam(INTERNAL_KEY_HEADER) String key) {
        requireInternalKey(key);
        Cluster cluster = service.get(name);
        return endpoints.clientMaterial(cluster.name).orElseThrow(() -> ApiException.notFound(
                "Cluster '" + name + "' has no TLS endpoint: its Docker API is " + endpoints.dockerHost(cluster) + "."));
    }

    /** The private key of an EC2 cluster's key pair (made when the cluster was created with an sshCidr). */
    @GET
    @Path("/{name}/ssh-key")
    @Produces(MediaType.TEXT_PLAIN)
    public String sshKey(@PathParam("name") String name, @HeaderParam(INTERNAL_KEY_HEADER) String key) {
        requireInternalKey(key);
        Cluster cluster = service.get(name);
        return endpoints.sshKey(cluster.name).orElseThrow(() -> ApiException.notFound(
                "Cluster '" + name + "' has no key pair: it was created without sshCidr."));
    }

    private void requireInternalKey(String key) {
        String expected = config.internalKey().filter(value -> !value.isBlank()).orElse(null);
        if (expected == null || key == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                key.getBytes(StandardCharsets.UTF_8))) {
            throw ApiException.forbidden("Cluster secrets are only for SimSwarm services: send the header "
                    + INTERNAL_KEY_HEADER + " with the value of SIMSWARM_INTERNAL_KEY.");
        }
    }
}
