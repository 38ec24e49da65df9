package io.simswarm.results.provenance;

import io.simswarm.commons.problem.Problem;
import io.simswarm.results.campaign.CampaignService;
import io.simswarm.results.query.ListExamples;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestPath;

/** Where a campaign's results come from: its build and each run's command, worker, times and exit code. */
@Path("/campaigns/{campaignId}")
@Produces(MediaType.APPLICATION_JSON)
public class ProvenanceResource {

    static final String RUN_EXAMPLE = """
            {"run": 3, "runId": "PureAlohaExperiment-3-20261125-09:37:03-8", "config": "PureAlohaExperiment",
             "repetition": 1, "itervars": {"numHosts": "10", "iaMean": "2"}, "seedset": "3",
             "command": "opp_run -l aloha -u Cmdenv -c 'PureAlohaExperiment' -r 3 \
            --result-dir '/tmp/simswarm-run-3-Ab12Cd/results' --sim-time-limit=10min",
             "worker": "node-a/2", "host": "node-a", "attempt": 1, "startedAt": "2026-12-07T06:00:00Z",
             "finishedAt": "2026-12-07T06:00:42Z", "durationMs": 41800, "exitCode": 0, "runner": "1.4.0",
             "uploadId": 17, "uploadedAt": "2026-12-07T06:00:43Z"}""";
    static final String MANIFEST_EXAMPLE = """
            {"campaignId": "c-1", "cluster": "local", "status": "SUCCEEDED",
             "build": {"repoUrl": "https://git.example.org/sims/aloha.git", "ref": "main", "commit": "4f1c2e9a0b",
                       "workdir": "samples/aloha", "baseImage": "simswarm/omnetpp:6.1",
                       "buildCommand": "make MODE=release", "buildId": "b-17",
                       "image": "127.0.0.1:5050/simswarm/aloha:4f1c2e9a0b",
                       "imageDigest": "sha256:6c3c624b58dbbcd3c0dd82b4c53f04194d1247c6eebdaab7c610cf7d66709b3b",
                       "baseImageDigest": "sha256:9b2a1f0e5c1d7f3e8a4b6c2d0e9f8a7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f",
                       "simulatorVersion": "OMNeT++ 6.1, build: 241008-f7568267cd", "buildReused": false,
                       "requestedAt": "2026-12-07T05:50:00Z", "finishedAt": "2026-12-07T05:55:00Z"},
             "runs": [""" + RUN_EXAMPLE + "]}";

    private final CampaignService campaigns;
    private final ProvenanceService provenance;

    public ProvenanceResource(CampaignService campaigns, ProvenanceService provenance) {
        this.campaigns = campaigns;
        this.provenance = provenance;
    }

    @GET
    @Path("/provenance")
    @Operation(summary = "The campaign's manifest: how its image was built and how each stored run was made")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CampaignManifest.class),
            examples = @ExampleObject(name = "manifest", value = MANIFEST_EXAMPLE)))
    @APIResponse(responseCode = "404", description = ListExamples.NOT_FOUND, content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "unknown campaign", value = ListExamples.NOT_FOUND_JSON)))
    public CampaignManifest campaign(@RestPath String campaignId) throws SQLException {
        return provenance.manifest(campaigns.require(campaignId));
    }

    @GET
    @Path("/runs/{run}/provenance")
    @Operation(summary = "How one run was made: build inputs are in the campaign's manifest")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RunProvenance.class),
            examples = @ExampleObject(name = "run", value = RUN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such campaign, or the run has no stored results",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "no such run", value = ListExamples.RUN_NOT_FOUND_JSON)))
    public RunProvenance run(@RestPath String campaignId, @RestPath int run) throws SQLException {
        campaigns.require(campaignId);
        return provenance.run(campaignId, run);
    }
}
