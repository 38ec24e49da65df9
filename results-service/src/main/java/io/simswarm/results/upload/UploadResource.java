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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Result uploads as tar.gz: {@code POST /campaigns/{campaignId}/runs/{runNumber}/results} for one run's result
 * directory, {@code POST /campaigns/{campaignId}/results} for several runs, one top-level folder per run.
 */
@Path("/campaigns/{campaignId}")
@Consumes({"application/gzip", "application/x-gzip", MediaType.APPLICATION_OCTET_STREAM})
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

    private final UploadTokens tokens;
    private final UploadService uploads;

    public UploadResource(UploadTokens tokens, UploadService uploads) {
        this.tokens = tokens;
        this.uploads = uploads;
    }

    @POST
    @Path("/runs/{runNumber}/results")
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
    public Response uploadGroup(@RestPath String campaignId, @RestHeader("Authorization") String authorization,
            @RestHeader("Content-Length") Long contentLength, InputStream body) throws IOException {
        List<Integer> runs = tokens.authorizeGroup(campaignId, authorization);
        GroupReceipt receipt = uploads.uploadGroup(campaignId, runs, body, contentLength);
        return Response.created(URI.create("/campaigns/" + campaignId + "/runs")).entity(receipt).build();
    }
}
