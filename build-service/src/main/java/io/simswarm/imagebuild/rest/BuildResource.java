package io.simswarm.imagebuild.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.commons.problem.Problem;
import io.simswarm.commons.security.Ownership;
import io.simswarm.commons.security.Roles;
import io.simswarm.imagebuild.job.Build;
import io.simswarm.imagebuild.job.BuildService;
import io.simswarm.imagebuild.log.LogStream;
import io.simswarm.imagebuild.spec.BuildSpecs;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/builds")
@Tag(name = "builds", description = "Git repository at a ref → image with the compiled project and the runner")
public class BuildResource {

    private final BuildService builds;
    private final BuildSpecs specs;
    private final LogStream logs;
    private final SecurityIdentity caller;

    public BuildResource(BuildService builds, BuildSpecs specs, LogStream logs, SecurityIdentity caller) {
        this.builds = builds;
        this.specs = specs;
        this.logs = logs;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Queue a build", description = "Answers at once; a commit built before with the same spec"
            + " reuses its image (the build turns SUCCEEDED with cached=true within a second).")
    @APIResponse(responseCode = "202", description = "Queued; follow it at the Location",
            content = @Content(schema = @Schema(implementation = BuildAccepted.class)))
    @APIResponse(responseCode = "400", description = "repoUrl missing or malformed, another field invalid, or a"
            + " cluster the provisioner does not know",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "dockerHost or registry named by a caller who is not an admin",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The cluster has no Docker endpoint yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The cluster cannot be looked up: the provisioner does not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(BuildRequest request) {
        if (request == null) {
            throw ApiException.badRequest("The request body is missing; send JSON with at least \"repoUrl\".");
        }
        if ((request.dockerHost() != null || request.registry() != null) && !caller.hasRole(Roles.ADMIN)) {
            throw ApiException.forbidden("Only an admin may name a Docker engine (dockerHost) or a registry: name the"
                    + " cluster to build on instead, and its engine and registry come from the provisioner.");
        }
        Build build = builds.submit(specs.of(request.repoUrl(), request.ref(), request.workdir(), request.baseImage(),
                request.buildCommand(), request.dockerHost(), request.registry(), request.cluster(),
                Boolean.TRUE.equals(request.dockerTls())), Ownership.ownerName(caller));
        return Response.accepted(new BuildAccepted(build.id, build.status))
                .location(URI.create("/builds/" + build.id))
                .build();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A build and its outcome")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BuildView.class)))
    @APIResponse(responseCode = "404", description = "No such build",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BuildView get(@PathParam("id") String id) {
        return BuildView.of(builds.get(id));
    }

    @GET
    @Path("/{id}/log")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The build log as text", description = "Streams the log: what is there, then new lines as"
            + " the build writes them, until the build has finished.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_PLAIN))
    @APIResponse(responseCode = "404", description = "No such build",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response log(@PathParam("id") String id) {
        Build build = builds.get(id);
        return Response.ok(logs.of(build.id), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Builds, newest first (at most 100)")
    @APIResponse(responseCode = "200",
            content = @Content(schema = @Schema(implementation = BuildView.class, type = org.eclipse.microprofile
                    .openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "commit is not a sha",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<BuildView> list(
            @Parameter(description = "Only builds of this commit (full sha or a prefix of at least 4 hex digits)")
            @QueryParam("commit") String commit) {
        return builds.list(commit).stream().map(BuildView::of).toList();
    }
}
