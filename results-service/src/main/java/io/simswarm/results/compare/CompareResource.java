package io.simswarm.results.compare;

import io.simswarm.commons.http.QueryValues;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simswarm.commons.problem.ApiException;
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
import java.sql.SQLException;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * {@code GET /compare?a=&b=}: the scalars of two campaigns compared per scalar and parameter point (Welch's t-test,
 * Holm's correction, a verdict), or with {@code exact=true} value by value. JSON, or CSV with
 * {@code Accept: text/csv}.
 */
@Path("/compare")
@Produces({MediaType.APPLICATION_JSON, Formats.CSV})
public class CompareResource {

    /** Header of an exact comparison's answer: how many values were compared. */
    public static final String COMPARED = "X-Compared-Values";

    private final CampaignService campaigns;
    private final CompareService comparisons;
    private final ObjectMapper mapper;

    public CompareResource(CampaignService campaigns, CompareService comparisons, ObjectMapper mapper) {
        this.campaigns = campaigns;
        this.comparisons = comparisons;
        this.mapper = mapper;
    }

    /** Writes an answer to a {@link TableWriter}. */
    private interface Answer {
        void write(TableWriter out) throws IOException;
    }

    @GET
    public Response compare(@RestQuery String a, @RestQuery String b, @RestQuery String scalars,
            @RestQuery("alpha") String alphaText, @RestQuery("margin") String marginText,
            @RestQuery("exact") String exactText, @RestQuery String format,
            @Context HttpHeaders headers) throws SQLException {
        if (a == null || a.isBlank() || b == null || b.isBlank()) {
            throw ApiException.badRequest("Name the two campaigns to compare: /compare?a=CAMPAIGN&b=CAMPAIGN.");
        }
        Double alpha = QueryValues.decimal("alpha", alphaText);
        Double margin = QueryValues.decimal("margin", marginText);
        boolean exact = QueryValues.flag("exact", exactText);
        double level = alpha == null ? 0.05 : alpha;
        if (!(level > 0 && level < 1)) {
            throw ApiException.badRequest("alpha must be between 0 and 1, not " + alpha + ".");
        }
        double within = margin == null ? 0.05 : margin;
        if (!(within >= 0)) {
            throw ApiException.badRequest("margin must be 0 or more, not " + margin + ".");
        }
        campaigns.require(a);
        campaigns.require(b);
        boolean csv = Formats.wantsCsv(format, headers);
        if (exact) {
            CompareService.ExactResult result = comparisons.exact(a, b, scalars);
            return answer(csv, out -> comparisons.write(result, out)).header(COMPARED, result.compared()).build();
        }
        var compared = comparisons.compare(a, b, scalars, level, within);
        return answer(csv, out -> comparisons.write(compared, out)).build();
    }

    private Response.ResponseBuilder answer(boolean csv, Answer answer) {
        StreamingOutput body = output -> {
            try (TableWriter writer = Formats.writer(csv, mapper, output)) {
                answer.write(writer);
            }
        };
        return Response.ok(body, Formats.mediaType(csv));
    }
}
