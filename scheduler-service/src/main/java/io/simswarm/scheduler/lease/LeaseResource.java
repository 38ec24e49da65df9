package io.simswarm.scheduler.lease;

import io.simswarm.commons.problem.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The pilot lease protocol, as the runner inside every worker task speaks it (docs/architecture.md). */
@Path("/campaigns/{id}/leases")
public class LeaseResource {

    private static final String LEASE_MAX = "X-Lease-Max";

    private final LeaseService leases;

    public LeaseResource(LeaseService leases) {
        this.leases = leases;
    }

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    public Response lease(@PathParam("id") String campaignId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam("X-Worker") String worker,
            @HeaderParam(LEASE_MAX) String leaseMax) {
        LeaseAnswer answer = leases.lease(campaignId, bearer(authorization), workerName(worker), maxRuns(leaseMax));
        return answer instanceof LeaseAnswer.Done ? Response.noContent().build() : answered(answer);
    }

    @POST
    @Path("/{lease}/heartbeat")
    public Response heartbeat(@PathParam("id") String campaignId, @PathParam("lease") String lease,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        boolean alive = leases.heartbeat(campaignId, bearer(authorization), leaseId(campaignId, lease));
        return alive ? Response.noContent().build() : gone(lease);
    }

    /**
     * Records the end of a lease: 204. With {@code X-Next-Lease: 1} the worker's next lease answer comes back in
     * the same exchange: 200 with a lease, {@code wait N} or {@code none} (nothing left for this worker).
     */
    @POST
    @Path("/{lease}/finish")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Response finish(@PathParam("id") String campaignId, @PathParam("lease") String lease,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam("X-Exit-Code") String exitCode, @HeaderParam("X-Duration-Ms") String durationMs,
            @HeaderParam("X-Upload") String upload, @HeaderParam("X-Next-Lease") String nextLease,
            @HeaderParam("X-Worker") String worker, @HeaderParam(LEASE_MAX) String leaseMax, String logTail) {
        FinishReport report = new FinishReport(number("Header X-Exit-Code", exitCode),
                durationMs == null ? 0 : number("Header X-Duration-Ms", durationMs),
                upload == null ? "skipped" : upload.strip().toLowerCase(), logTail);
        LeaseService.Finished finished = leases.finish(campaignId, bearer(authorization),
                leaseId(campaignId, lease), report, nextFor(nextLease, worker), maxRuns(leaseMax));
        return finished.held() ? answered(finished.next()) : gone(lease);
    }

    /**
     * Records the ends of several leased runs that succeeded (a worker's batch), one line per run:
     * {@code LEASE EXIT_CODE DURATION_MS UPLOAD}. 204, or with {@code X-Next-Lease: 1} 200 with the worker's next
     * lease answer. Leases no longer held are skipped; failed runs are reported one by one with their log tails.
     */
    @POST
    @Path("/finished")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.TEXT_PLAIN)
    public Response finished(@PathParam("id") String campaignId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @HeaderParam("X-Next-Lease") String nextLease,
            @HeaderParam("X-Worker") String worker, @HeaderParam(LEASE_MAX) String leaseMax, String body) {
        Map<UUID, FinishReport> reports = new LinkedHashMap<>();
        String[] lines = body == null ? new String[0] : body.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\\s+");
            if (fields.length != 4) {
                throw ApiException.badRequest("Line " + (i + 1) + " of the report must be 'LEASE EXIT_CODE DURATION_MS"
                        + " UPLOAD', not '" + line + "'.");
            }
            UUID lease;
            try {
                lease = UUID.fromString(fields[0]);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Line " + (i + 1) + " of the report does not start with a lease id: '"
                        + line + "'.");
            }
            reports.put(lease, new FinishReport(number("The exit code on line " + (i + 1),
                    fields[1]), number("The duration on line " + (i + 1), fields[2]), fields[3].toLowerCase(), ""));
        }
        return answered(leases.finishAll(campaignId, bearer(authorization), reports, nextFor(nextLease, worker),
                maxRuns(leaseMax)));
    }

    /** A lease answer as the body of a 200; 204 when there is none (no next lease was asked for). */
    private static Response answered(LeaseAnswer answer) {
        if (answer == null) {
            return Response.noContent().build();
        }
        return Response.ok(answer.toText(), MediaType.TEXT_PLAIN).build();
    }

    /** The worker to hand the next lease to when a finish call carries {@code X-Next-Lease: 1}, else null. */
    private static String nextFor(String nextLease, String worker) {
        return nextLease != null && "1".equals(nextLease.strip()) ? workerName(worker) : null;
    }

    /** How many runs the worker can take in one answer: {@code X-Lease-Max}, 1 when absent. */
    private static int maxRuns(String leaseMax) {
        if (leaseMax == null || leaseMax.isBlank()) {
            return 1;
        }
        int max = number("Header " + LEASE_MAX, leaseMax);
        if (max < 1) {
            throw ApiException.badRequest("Header " + LEASE_MAX + " must be at least 1, not " + max + ".");
        }
        return max;
    }

    private static String workerName(String worker) {
        return worker == null || worker.isBlank() ? "unknown" : worker;
    }

    private static Response gone(String lease) {
        throw new ApiException(410, "Gone", "Lease " + lease + " was withdrawn or has expired; stop the run and do"
                + " not upload its results.");
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }

    private static UUID leaseId(String campaignId, String lease) {
        try {
            return UUID.fromString(lease);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Campaign " + campaignId + " has no lease " + lease + ".");
        }
    }

    private static int number(String what, String value) {
        try {
            return Integer.parseInt(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(what + " must be a whole number, not '" + value + "'.");
        }
    }
}
