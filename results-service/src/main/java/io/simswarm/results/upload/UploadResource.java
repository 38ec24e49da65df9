package io.simswarm.results.upload;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import io.simswarm.commons.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Result uploads as tar.gz: {@code POST /campaigns/{campaignId}/runs/{runNumber}/results} for one run's result
 * directory, {@code POST /campaigns/{campaignId}/results} for several runs, one top-level folder per run.
 */
@Path("/campaigns/{campaignId}")
@Consumes({"application/gzip", "application/x-gzip", MediaType.APPLICATION_OCTET_STREAM})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "400", description = "Not a tar.gz, an entry outside the result directory, a link, "
        + "no file", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class),
        examples = @ExampleObject(name = "bad archive", value = """
                {"type": "about:blank", "title": "Bad request", "status": 400,
                 "detail": "The archive entry '../x.sca' leaves the result directory ('..' is not accepted)."}""")))
@APIResponse(responseCode = "401", description = "No run token", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A token of another run or campaign", content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "413", description = "Past simswarm.results.max-upload-bytes, compressed or unpacked",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class UploadResource {

    private final UploadTokens tokens;
    private final UploadService uploads;

    public UploadResource(UploadTokens tokens, UploadService uploads) {
        this.tokens = tokens;
        this.uploads = uploads;
    }

    @POST
    @Path("/runs/{runNumber}/results")
    @Operation(summary = "Stores, parses and replaces one run's results (a tar.gz of its result directory)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = UploadReceipt.class)))
    public Response upload(@RestPath String campaignId, @RestPath int runNumber,
            @RestHeader("Authorization") String authorization, @RestHeader("Content-Length") Long contentLength,
            InputStream body) throws IOException {
        tokens.authorize(campaignId, runNumber, authorization);
        UploadReceipt receipt = uploads.upload(campaignId, runNumber, body, contentLength);
        return Response.created(URI.create("/campaigns/" + campaignId + "/runs/" + runNumber + "/files"))
                .entity(receipt).build();
    }

    @POST
    @Path("/results")
    @Operation(summary = "Stores several runs' results in one transaction (one top-level folder per run)")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = GroupReceipt.class)))
    public Response uploadGroup(@RestPath String campaignId, @RestHeader("Authorization") String authorization,
            @RestHeader("Content-Length") Long contentLength, InputStream body) throws IOException {
        List<Integer> runs = tokens.authorizeGroup(campaignId, authorization);
        GroupReceipt receipt = uploads.uploadGroup(campaignId, runs, body, contentLength);
        return Response.created(URI.create("/campaigns/" + campaignId + "/runs")).entity(receipt).build();
    }
}
