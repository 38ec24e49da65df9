package io.simswarm.scheduler.campaign;

import io.quarkus.security.identity.SecurityIdentity;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.commons.security.Ownership;
import io.simswarm.scheduler.point.PointView;
import io.simswarm.scheduler.run.AttemptView;
import io.simswarm.scheduler.run.RunView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Campaigns: submit, follow, cancel, retry. */
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignService campaigns;
    private final SecurityIdentity caller;

    public CampaignResource(CampaignService campaigns, SecurityIdentity caller) {
        this.campaigns = campaigns;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@NotNull(message = "is required: send the campaign as JSON") @Valid
            CampaignRequest request) {
        CampaignView created = campaigns.submit(request, Ownership.ownerName(caller));
        return Response.created(URI.create("/campaigns/" + created.id())).entity(created).build();
    }

    /** What the campaign would take (runs, core-hours, wall time, cost), from earlier runs; nothing is started. */
    @POST
    @Path("/estimate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Estimate estimate(@NotNull(message = "is required: send the campaign as JSON") @Valid
            CampaignRequest request) {
        return campaigns.estimate(request);
    }

    @GET
    public List<CampaignView> list() {
        return campaigns.list();
    }

    @GET
    @Path("/{id}")
    public CampaignView get(@PathParam("id") String id) {
        return campaigns.get(id);
    }

    @GET
    @Path("/{id}/runs")
    @Operation(summary = "Every run of a campaign, in run-number order; takes no parameters (a page, a filter or an"
            + " order: /campaigns/{id}/runs/page)")
    public List<RunView> runs(@PathParam("id") String id, @Context UriInfo uri) {
        if (!uri.getQueryParameters().isEmpty()) {
            throw ApiException.badRequest("GET /campaigns/{id}/runs answers every run and takes no parameters (here: "
                    + String.join(", ", uri.getQueryParameters().keySet().stream().sorted().limit(5).toList())
                    + "); for a page, a filter or an order use GET /campaigns/{id}/runs/page with offset, limit, "
                    + "state, node, itervar, sort and desc.");
        }
        return campaigns.runs(id);
    }

    @GET
    @Path("/{id}/points")
    @Operation(summary = "The parameter points of a campaign with precision targets (until): repetitions so far,"
            + " the confidence intervals at their latest evaluation, and where each stands; [] for other campaigns")
    public List<PointView> points(@PathParam("id") String id) {
        return campaigns.points(id);
    }

    @GET
    @Path("/{id}/runs/{run}/attempts")
    public List<AttemptView> attempts(@PathParam("id") String id, @PathParam("run") String run) {
        return campaigns.attempts(id, runNumber(run));
    }

    @POST
    @Path("/{id}/cancel")
    public CampaignView cancel(@PathParam("id") String id) {
        return campaigns.cancel(id, caller);
    }

    @POST
    @Path("/{id}/retry-failed")
    public CampaignView retryFailed(@PathParam("id") String id) {
        return campaigns.retryFailed(id, caller);
    }

    private static int runNumber(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("The run number must be a whole number, not '" + text + "'.");
        }
    }
}
