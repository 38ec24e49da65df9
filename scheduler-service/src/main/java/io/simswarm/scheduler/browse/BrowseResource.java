package io.simswarm.scheduler.browse;

import io.simswarm.commons.http.QueryValues;
import io.simswarm.scheduler.campaign.CampaignService;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.campaign.CampaignView;
import io.simswarm.scheduler.run.RunView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Paged and filtered lists of campaigns and runs, and a campaign's progress for conditional polling: what a
 * dashboard reads.
 */
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class BrowseResource {

    private final BrowseService browse;
    private final CampaignService campaigns;

    public BrowseResource(BrowseService browse, CampaignService campaigns) {
        this.browse = browse;
        this.campaigns = campaigns;
    }

    /** The schema of a page of campaigns, for the OpenAPI document. */
    @Schema(name = "CampaignPage")
    public record CampaignPage(long total, int offset, int limit, List<CampaignView> items) {
    }

    /** The schema of a page of runs, for the OpenAPI document. */
    @Schema(name = "RunPage")
    public record RunPage(long total, int offset, int limit, List<RunView> items) {
    }

    @GET
    @Path("/page")
    @Operation(summary = "Campaigns newest first, one page at a time, optionally of one status and one owner")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CampaignPage.class)))
    public Page<CampaignView> campaigns(
            @Parameter(description = "only campaigns of this status (BUILDING, EXPANDING, RUNNING, SUCCEEDED,"
                    + " FAILED, CANCELLED)") @QueryParam("status") String status,
            @Parameter(description = "only campaigns submitted by this owner (the subject of the submitter's token,"
                    + " the campaign's owner field), exactly") @QueryParam("owner") String owner,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        return browse.campaigns(BrowseService.parse(CampaignStatus.class, status, "campaign status"), owner,
                PageRequest.of(offset, limit));
    }

    @GET
    @Path("/owners")
    @Operation(summary = "The owners who submitted campaigns, in alphabetical order")
    public List<String> owners() {
        return browse.owners();
    }

    @GET
    @Path("/{id}/runs/page")
    @Operation(summary = "A campaign's runs, one page at a time, filtered by state, node and iteration variables and"
            + " sorted by a field or an iteration variable")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunPage.class)))
    public Page<RunView> runs(@PathParam("id") String id,
            @Parameter(description = "only runs in this state") @QueryParam("state") String state,
            @Parameter(description = "only runs whose latest attempt ran on this node") @QueryParam("node") String node,
            @Parameter(description = "NAME=VALUE: only runs whose iteration variable NAME has exactly this value as"
                    + " OMNeT++ lists it (0.5ms, \"TCP\"); repeat for several, all must hold. Runs expanded before"
                    + " variables were recorded have none.", example = "rho=0.5") @QueryParam("itervar")
            List<String> itervars,
            @Parameter(description = "runNumber (default), state, node, attempts, durationMs, startedAt, finishedAt,"
                    + " exitCode, or itervar:NAME (by the number its value starts with, then the value)")
            @QueryParam("sort") String sort,
            @QueryParam("desc") String desc, @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return browse.runs(id, RunFilter.of(state, node, itervars), sort, QueryValues.flag("desc", desc),
                PageRequest.of(offset, limit));
    }

    @GET
    @Path("/{id}/nodes")
    @Operation(summary = "The nodes a campaign's runs ran on")
    public List<String> nodes(@PathParam("id") String id) {
        campaigns.get(id);
        return browse.nodes(id);
    }

    @GET
    @Path("/{id}/itervars")
    @Operation(summary = "The iteration variables of a campaign's runs, each with the values it takes, in OMNeT++'s"
            + " order")
    public List<ItervarValues> itervars(@PathParam("id") String id) {
        campaigns.get(id);
        return browse.itervars(id);
    }

    @GET
    @Path("/{id}/progress")
    @Operation(summary = "A campaign with its run counts; answers 304 while they are as the If-None-Match ETag says")
    @APIResponse(responseCode = "200", headers = @Header(name = "ETag"),
            content = @Content(schema = @Schema(implementation = CampaignView.class)))
    @APIResponse(responseCode = "304", description = "Nothing changed since the ETag sent in If-None-Match")
    public Response progress(@PathParam("id") String id, @Context Request request) {
        CampaignView view = campaigns.get(id);
        EntityTag tag = new EntityTag(Integer.toHexString(Objects.hash(view.status(), view.runs(), view.image(),
                view.startedAt(), view.finishedAt(), view.error(), view.points())));
        CacheControl revalidate = new CacheControl();
        revalidate.setNoCache(true);
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.cacheControl(revalidate).build();
        }
        return Response.ok(view).tag(tag).cacheControl(revalidate).build();
    }
}
