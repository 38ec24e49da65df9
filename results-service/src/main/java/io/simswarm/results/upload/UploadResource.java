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
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/** {@code POST /campaigns/{campaignId}/runs/{runNumber}/results}: a run's result directory as tar.gz. */
@Path("/campaigns/{campaignId}/runs/{runNumber}/results")
public class UploadResource {

    private final UploadService uploads;

    public UploadResource(UploadService uploads) {
        this.uploads = uploads;
    }

    @POST
    @Consumes({"application/gzip", "application/x-gzip", MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@RestPath String campaignId, @RestPath int runNumber,
            @RestHeader("Authorization") String authorization, @RestHeader("Content-Length") Long contentLength,
            InputStream body) throws IOException {
        uploads.authorize(campaignId, runNumber, authorization);
        UploadReceipt receipt = uploads.upload(campaignId, runNumber, body, contentLength);
        return Response.created(URI.create("/campaigns/" + campaignId + "/runs/" + runNumber + "/files"))
                .entity(receipt).build();
    }
}
