package io.simswarm.results.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.results.campaign.Campaign;
import io.simswarm.results.campaign.CampaignService;
import io.simswarm.results.query.Formats;
import io.simswarm.results.query.TableWriter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import org.jboss.resteasy.reactive.RestPath;

/** A campaign's summary, its files (zip, logs, file lists) and vector data points. */
@Path("/campaigns/{campaignId}")
public class ExportResource {

    private final CampaignService campaigns;
    private final ExportService exports;
    private final ObjectMapper mapper;

    public ExportResource(CampaignService campaigns, ExportService exports, ObjectMapper mapper) {
        this.campaigns = campaigns;
        this.exports = exports;
        this.mapper = mapper;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CampaignSummary campaign(@RestPath String campaignId) throws SQLException {
        Campaign campaign = campaigns.require(campaignId);
        return exports.summary(campaign);
    }

    @GET
    @Path("/results.zip")
    @Produces("application/zip")
    public Response zip(@RestPath String campaignId) {
        campaigns.require(campaignId);
        StreamingOutput body = output -> {
            try {
                exports.zip(campaignId, output);
            } catch (SQLException e) {
                throw new IOException("listing the files failed", e);
            }
        };
        return Response.ok(body, "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + campaignId + "-results.zip\"").build();
    }

    @GET
    @Path("/runs/{run}/files")
    @Produces(MediaType.APPLICATION_JSON)
    public RunFiles files(@RestPath String campaignId, @RestPath int run) throws SQLException {
        campaigns.require(campaignId);
        return exports.runFiles(campaignId, run);
    }

    @GET
    @Path("/runs/{run}/log")
    @Produces(MediaType.TEXT_PLAIN)
    public Response log(@RestPath String campaignId, @RestPath int run) throws SQLException, IOException {
        campaigns.require(campaignId);
        InputStream log = exports.log(campaignId, run);
        StreamingOutput body = output -> {
            try (log) {
                log.transferTo(output);
            }
        };
        return Response.ok(body, MediaType.TEXT_PLAIN_TYPE.withCharset("utf-8")).build();
    }

    @GET
    @Path("/vectors/{key}/data")
    @Produces({MediaType.APPLICATION_JSON, Formats.CSV})
    public Response vectorData(@RestPath String campaignId, @RestPath String key, @Context HttpHeaders headers)
            throws SQLException {
        campaigns.require(campaignId);
        ExportService.VectorLocation vector = exports.vector(campaignId, key);
        boolean csv = Formats.wantsCsv(headers);
        StreamingOutput body = output -> {
            try (TableWriter writer = Formats.writer(csv, mapper, output)) {
                exports.vectorData(vector, writer);
            }
        };
        return Response.ok(body, Formats.mediaType(csv)).build();
    }
}
