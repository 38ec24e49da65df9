package io.simswarm.results.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.results.campaign.CampaignService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import io.simswarm.commons.http.QueryValues;
import io.simswarm.commons.problem.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The list endpoints of a campaign's results. Every one answers JSON (an array of objects) by default and CSV with
 * {@code ?format=csv} or {@code Accept: text/csv}, streamed; filters: {@code module} and {@code name} (OMNeT++
 * patterns), {@code config}, {@code run} (a run number or a list of them, {@code 3,7,11}).
 */
@Path("/campaigns/{campaignId}")
@Produces({MediaType.APPLICATION_JSON, Formats.CSV})
@APIResponse(responseCode = "400", description = ListExamples.BAD_REQUEST, content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
        examples = @ExampleObject(name = "bad request", value = ListExamples.BAD_REQUEST_JSON)))
@APIResponse(responseCode = "404", description = ListExamples.NOT_FOUND, content = @Content(
        mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
        examples = @ExampleObject(name = "unknown campaign", value = ListExamples.NOT_FOUND_JSON)))
public class QueryResource {

    private static final String LIST_ANSWER = "A JSON array, or CSV with ?format=csv or Accept: text/csv; streamed";

    private final CampaignService campaigns;
    private final QueryService queries;
    private final ObjectMapper mapper;

    public QueryResource(CampaignService campaigns, QueryService queries, ObjectMapper mapper) {
        this.campaigns = campaigns;
        this.queries = queries;
        this.mapper = mapper;
    }

    /** Query of one list endpoint, written to a {@link TableWriter}. */
    interface Query {
        void write(Filter filter, TableWriter out) throws SQLException, IOException;
    }

    @GET
    @Path("/scalars")
    @Operation(summary = "Scalars of the campaign's runs, or aggregated over repetitions (aggregate=true)")
    @APIResponse(responseCode = "200", description = LIST_ANSWER, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListRows.Scalar.class,
                type = SchemaType.ARRAY),
                examples = @ExampleObject(name = "json", value = ListExamples.SCALARS_JSON)),
        @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "csv", value = ListExamples.SCALARS_CSV))})
    public Response scalars(@RestPath String campaignId, @RestQuery String module, @RestQuery String name,
            @RestQuery String config, @RestQuery String run, @RestQuery String aggregate, @RestQuery String format,
            @Context HttpHeaders headers) {
        Filter filter = Filter.of(campaignId, module, name, config, run);
        return list(filter, format, headers, QueryValues.flag("aggregate", aggregate) ? queries::aggregatedScalars
                : queries::scalars);
    }

    @GET
    @Path("/scalars/wide")
    @Operation(summary = "One row per run: itervars, attributes and the chosen scalars as columns")
    @APIResponse(responseCode = "200", description = LIST_ANSWER, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListRows.WideRow.class,
                type = SchemaType.ARRAY),
                examples = @ExampleObject(name = "json", value = ListExamples.WIDE_JSON)),
        @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "csv", value = ListExamples.WIDE_CSV))})
    public Response wide(@RestPath String campaignId, @RestQuery String module, @RestQuery String name,
            @RestQuery String config, @RestQuery String run, @RestQuery String format, @Context HttpHeaders headers) {
        return list(Filter.of(campaignId, module, name, config, run), format, headers, queries::wide);
    }

    @GET
    @Path("/statistics")
    @Operation(summary = "Statistics and histograms with opp_scavetool's fields")
    @APIResponse(responseCode = "200", description = LIST_ANSWER, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListRows.Statistic.class,
                type = SchemaType.ARRAY),
                examples = @ExampleObject(name = "json", value = ListExamples.STATISTICS_JSON)),
        @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "csv", value = ListExamples.STATISTICS_CSV))})
    public Response statistics(@RestPath String campaignId, @RestQuery String module, @RestQuery String name,
            @RestQuery String config, @RestQuery String run, @RestQuery String format, @Context HttpHeaders headers) {
        return list(Filter.of(campaignId, module, name, config, run), format, headers, queries::statistics);
    }

    @GET
    @Path("/vectors")
    @Operation(summary = "Vector summaries, filtered like scalars")
    @APIResponse(responseCode = "200", description = LIST_ANSWER, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListRows.Vector.class,
                type = SchemaType.ARRAY),
                examples = @ExampleObject(name = "json", value = ListExamples.VECTORS_JSON)),
        @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "csv", value = ListExamples.VECTORS_CSV))})
    public Response vectors(@RestPath String campaignId, @RestQuery String module, @RestQuery String name,
            @RestQuery String config, @RestQuery String run, @RestQuery String format, @Context HttpHeaders headers) {
        return list(Filter.of(campaignId, module, name, config, run), format, headers, queries::vectors);
    }

    @GET
    @Path("/params")
    @Operation(summary = "Module parameters (par lines)")
    @APIResponse(responseCode = "200", description = LIST_ANSWER, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListRows.Parameter.class,
                type = SchemaType.ARRAY),
                examples = @ExampleObject(name = "json", value = ListExamples.PARAMS_JSON)),
        @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "csv", value = ListExamples.PARAMS_CSV))})
    public Response parameters(@RestPath String campaignId, @RestQuery String module, @RestQuery String name,
            @RestQuery String config, @RestQuery String run, @RestQuery String format, @Context HttpHeaders headers) {
        return list(Filter.of(campaignId, module, name, config, run), format, headers, queries::parameters);
    }

    @GET
    @Path("/config-entries")
    @Operation(summary = "Configuration entries (config lines) in file order; name filters the keys")
    @APIResponse(responseCode = "200", description = LIST_ANSWER, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListRows.ConfigEntry.class,
                type = SchemaType.ARRAY),
                examples = @ExampleObject(name = "json", value = ListExamples.CONFIG_JSON)),
        @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "csv", value = ListExamples.CONFIG_CSV))})
    public Response configEntries(@RestPath String campaignId, @RestQuery String name, @RestQuery String config,
            @RestQuery String run, @RestQuery String format, @Context HttpHeaders headers) {
        return list(Filter.of(campaignId, null, name, config, run), format, headers, queries::configEntries);
    }

    @GET
    @Path("/runs")
    @Operation(summary = "Runs with stored results: attributes, itervars, config entries, counts")
    @APIResponse(responseCode = "200", description = LIST_ANSWER, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListRows.Run.class,
                type = SchemaType.ARRAY),
                examples = @ExampleObject(name = "json", value = ListExamples.RUNS_JSON)),
        @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "csv", value = ListExamples.RUNS_CSV))})
    public Response runs(@RestPath String campaignId, @RestQuery String config, @RestQuery String run,
            @RestQuery String format, @Context HttpHeaders headers) {
        return list(Filter.of(campaignId, null, null, config, run), format, headers, queries::runs);
    }

    @GET
    @Path("/parse-errors")
    @Operation(summary = "Lines of result files that could not be parsed")
    @APIResponse(responseCode = "200", description = LIST_ANSWER, content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListRows.ParseErrorRow.class,
                type = SchemaType.ARRAY),
                examples = @ExampleObject(name = "json", value = ListExamples.PARSE_ERRORS_JSON)),
        @Content(mediaType = Formats.CSV, schema = @Schema(type = SchemaType.STRING),
                examples = @ExampleObject(name = "csv", value = ListExamples.PARSE_ERRORS_CSV))})
    public Response parseErrors(@RestPath String campaignId, @RestQuery String run, @RestQuery String format,
            @Context HttpHeaders headers) {
        return list(Filter.of(campaignId, null, null, null, run), format, headers, queries::parseErrors);
    }

    private Response list(Filter filter, String format, HttpHeaders headers, Query query) {
        campaigns.require(filter.campaignId());
        filter.where(new ArrayList<>(), true);
        boolean csv = Formats.wantsCsv(format, headers);
        StreamingOutput body = output -> {
            try (TableWriter writer = Formats.writer(csv, mapper, output)) {
                query.write(filter, writer);
            } catch (SQLException e) {
                throw new IOException("query failed", e);
            }
        };
        return Response.ok(body, Formats.mediaType(csv)).build();
    }
}
