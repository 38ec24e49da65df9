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
import io.simswarm.commons.problem.Problem;
import io.simswarm.results.query.ListExamples;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

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
    @Operation(summary = "The campaign as the results service knows it: status, runs announced and stored, counts")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CampaignSummary.class),
            examples = @ExampleObject(name = "campaign", value = """
                    {"id": "c-1", "cluster": "local", "status": "SUCCEEDED", "totalRuns": 42, "storedRuns": 42,
                     "scalars": 294, "parseErrors": 0, "updatedAt": "2026-12-07T06:00:43Z"}""")))
    @APIResponse(responseCode = "404", description = ListExamples.NOT_FOUND, content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "unknown campaign", value = ListExamples.NOT_FOUND_JSON)))
    public CampaignSummary campaign(@RestPath String campaignId) throws SQLException {
        Campaign campaign = campaigns.require(campaignId);
        return exports.summary(campaign);
    }

    @GET
    @Path("/results.zip")
    @Produces("application/zip")
    @Operation(summary = "Every run's files under results/ with their modification times, and provenance.json")
    @APIResponse(responseCode = "200", description = "A zip, streamed", content = @Content(
            mediaType = "application/zip", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = ListExamples.NOT_FOUND, content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "unknown campaign", value = ListExamples.NOT_FOUND_JSON)))
    public Response zip(@RestPath String campaignId) {
        Campaign campaign = campaigns.require(campaignId);
        StreamingOutput body = output -> {
            try {
                exports.zip(campaign, output);
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
    @Operation(summary = "The run's current upload: files (size, sha256, modification time) and parse errors")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunFiles.class),
            examples = @ExampleObject(name = "files", value = """
                    {"campaignId": "c-1", "run": 3, "runId": "PureAlohaExperiment-3-20261125-09:37:03-8",
                     "uploadedAt": "2026-12-07T06:00:43Z",
                     "files": [{"name": "PureAlohaExperiment-numHosts=10,iaMean=2-#1.vec", "size": 268465,
                                "sha256": "3f1c...", "modifiedAt": "2026-11-25T09:37:03Z"}],
                     "parseErrorCount": 0, "parseErrors": []}""")))
    @APIResponse(responseCode = "404", description = "No such campaign, or the run has no stored results",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "no such run", value = ListExamples.RUN_NOT_FOUND_JSON)))
    public RunFiles files(@RestPath String campaignId, @RestPath int run) throws SQLException {
        campaigns.require(campaignId);
        return exports.runFiles(campaignId, run);
    }

    @GET
    @Path("/runs/{run}/log")
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "The run's .out file (its stdout and stderr)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.TEXT_PLAIN,
            schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "log", value = """
                    Preparing for running configuration PureAlohaExperiment, run #3...
                    <!> Simulation time limit reached -- at t=600s
                    End.
                    """)))
    @APIResponse(responseCode = "404", description = "No such campaign, or the run has no stored output",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "no such run", value = ListExamples.RUN_NOT_FOUND_JSON)))
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
    @Operation(summary = "The points of one vector, read from its stored .vec file")
    @APIResponse(responseCode = "200", description = "A JSON array, or CSV with ?format=csv or Accept: text/csv; "
            + "streamed", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(
                implementation = io.simswarm.results.query.ListRows.VectorPoint.class, type = SchemaType.ARRAY),
                examples = @ExampleObject(name = "json", value = """
                        [{"event": 0, "time": 0, "value": 0}, {"event": 2, "time": 1.28, "value": 1}]""")),
        @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "csv", value = "event,time,value\n0,0,0\n2,1.28,1\n"))})
    @APIResponse(responseCode = "400", description = "A format other than csv and json", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "bad format", value = ListExamples.BAD_REQUEST_JSON)))
    @APIResponse(responseCode = "404", description = "No such campaign or vector", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "no such vector", value = """
                    {"type": "about:blank", "title": "Not found", "status": 404,
                     "detail": "Campaign 'c-1' has no vector with key '9-9'."}""")))
    public Response vectorData(@RestPath String campaignId, @RestPath String key, @RestQuery String format,
            @Context HttpHeaders headers) throws SQLException {
        campaigns.require(campaignId);
        ExportService.VectorLocation vector = exports.vector(campaignId, key);
        boolean csv = Formats.wantsCsv(format, headers);
        StreamingOutput body = output -> {
            try (TableWriter writer = Formats.writer(csv, mapper, output)) {
                exports.vectorData(vector, writer);
            }
        };
        return Response.ok(body, Formats.mediaType(csv)).build();
    }
}
