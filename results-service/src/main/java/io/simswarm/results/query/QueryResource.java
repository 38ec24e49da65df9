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
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The list endpoints of a campaign's results. Every one answers JSON (an array of objects) by default and CSV with
 * {@code Accept: text/csv}; filters: {@code module} and {@code name} (OMNeT++ patterns), {@code config},
 * {@code run}.
 */
@Path("/campaigns/{campaignId}")
@Produces({MediaType.APPLICATION_JSON, Formats.CSV})
public class QueryResource {

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
    public Response scalars(@RestPath String campaignId, @RestQuery String module, @RestQuery String name,
            @RestQuery String config, @RestQuery Integer run, @RestQuery boolean aggregate,
            @Context HttpHeaders headers) {
        Filter filter = new Filter(campaignId, module, name, config, run);
        return list(filter, headers, aggregate ? queries::aggregatedScalars : queries::scalars);
    }

    @GET
    @Path("/statistics")
    public Response statistics(@RestPath String campaignId, @RestQuery String module, @RestQuery String name,
            @RestQuery String config, @RestQuery Integer run, @Context HttpHeaders headers) {
        return list(new Filter(campaignId, module, name, config, run), headers, queries::statistics);
    }

    @GET
    @Path("/vectors")
    public Response vectors(@RestPath String campaignId, @RestQuery String module, @RestQuery String name,
            @RestQuery String config, @RestQuery Integer run, @Context HttpHeaders headers) {
        return list(new Filter(campaignId, module, name, config, run), headers, queries::vectors);
    }

    @GET
    @Path("/runs")
    public Response runs(@RestPath String campaignId, @RestQuery String config, @RestQuery Integer run,
            @Context HttpHeaders headers) {
        return list(new Filter(campaignId, null, null, config, run), headers, queries::runs);
    }

    @GET
    @Path("/parse-errors")
    public Response parseErrors(@RestPath String campaignId, @RestQuery Integer run, @Context HttpHeaders headers) {
        return list(new Filter(campaignId, null, null, null, run), headers, queries::parseErrors);
    }

    private Response list(Filter filter, HttpHeaders headers, Query query) {
        campaigns.require(filter.campaignId());
        filter.where(new ArrayList<>(), true);
        boolean csv = Formats.wantsCsv(headers);
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
