package io.simswarm.results.vector;

import io.simswarm.commons.http.QueryValues;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.results.campaign.CampaignService;
import io.simswarm.results.export.ExportService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/** A vector's data thinned on the server to what a plot can show ({@link Downsampler}). */
@Path("/campaigns/{campaignId}/vectors/{key}/points")
@Produces(MediaType.APPLICATION_JSON)
public class VectorPointsResource {

    static final int DEFAULT_MAX_POINTS = 1000;
    static final int LARGEST_MAX_POINTS = 100_000;

    private final CampaignService campaigns;
    private final ExportService exports;

    public VectorPointsResource(CampaignService campaigns, ExportService exports) {
        this.campaigns = campaigns;
        this.exports = exports;
    }

    @GET
    @Operation(summary = "A vector's points, at most maxPoints of them: each bucket's lowest and highest value kept")
    public VectorPoints points(@RestPath String campaignId, @RestPath String key, @RestQuery("maxPoints") String maxPointsText)
            throws SQLException, IOException {
        Integer maxPoints = QueryValues.wholeNumber("maxPoints", maxPointsText);
        int most = maxPoints == null ? DEFAULT_MAX_POINTS : maxPoints;
        if (most < 2 || most > LARGEST_MAX_POINTS) {
            throw ApiException.badRequest("maxPoints must be between 2 and " + LARGEST_MAX_POINTS + ".");
        }
        campaigns.require(campaignId);
        ExportService.VectorLocation vector = exports.vector(campaignId, key);
        PointCollector points = new PointCollector();
        exports.vectorData(vector, points);
        return new VectorPoints(key, points.count, most,
                Downsampler.downsample(points.times, points.values, points.count, most));
    }
}
