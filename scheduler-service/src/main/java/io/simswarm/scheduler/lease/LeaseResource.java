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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** The pilot lease protocol, as the runner inside every worker task speaks it (docs/architecture.md). */
@Path("/campaigns/{id}/leases")
public class LeaseResource {

    private static final String LEASE_MAX = "X-Lease-Max";
    /** Longest worker name (the runner's limit for {@code SIMSWARM_WORKER}, and the column's). */
    private static final int MAX_WORKER = 256;
    private static final Pattern WORKER = Pattern.compile("[\\x21-\\x7e]+");
    private static final Set<String> UPLOAD_OUTCOMES = Set.of("ok", "failed", "skipped");

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
     * Records the end of a lease: 204. {@code X-Stopped: 1} says the worker was asked to stop and ended the run
     * itself: the run goes back to the queue without spending its retry budget. With {@code X-Next-Lease: 1} the worker's next lease answer comes back in
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
            @HeaderParam("X-Worker") String worker, @HeaderParam(LEASE_MAX) String leaseMax,
            @HeaderParam("X-Stopped") String stopped, String logTail) {
        FinishReport report = new FinishReport(exitCode("Header X-Exit-Code", exitCode),
                durationMs == null ? 0 : duration("Header X-Duration-Ms", durationMs),
                upload == null ? "skipped" : upload("Header X-Upload", upload), logTail, "1".equals(stopped));
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
            reports.put(lease, new FinishReport(exitCode("The exit code on line " + (i + 1), fields[1]),
                    duration("The duration on line " + (i + 1), fields[2]),
                    upload("The upload outcome on line " + (i + 1), fields[3]), ""));
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

    /** The worker's name from {@code X-Worker}; the runner sends at most 256 printable characters without spaces. */
    private static String workerName(String worker) {
        if (worker == null || worker.isBlank()) {
            return "unknown";
        }
        if (worker.length() > MAX_WORKER || !WORKER.matcher(worker).matches()) {
            throw ApiException.badRequest("Header X-Worker must be at most " + MAX_WORKER + " printable characters"
                    + " without spaces (the worker's identity).");
        }
        return worker;
    }

    /** An exit code as a process reports it: 0 to 255 (124 after a time-out, 128 + N after signal N). */
    private static int exitCode(String what, String value) {
        int code = number(what, value);
        if (code < 0 || code > 255) {
            throw ApiException.badRequest(what + " must be between 0 and 255, not " + code + ".");
        }
        return code;
    }

    private static long duration(String what, String value) {
        long ms;
        try {
            ms = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(what + " must be a whole number, not '" + value + "'.");
        }
        if (ms < 0) {
            throw ApiException.badRequest(what + " must be 0 or more, not " + ms + ".");
        }
        return ms;
    }

    private static String upload(String what, String value) {
        String outcome = value.strip().toLowerCase(Locale.ROOT);
        if (!UPLOAD_OUTCOMES.contains(outcome)) {
            throw ApiException.badRequest(what + " must be ok, failed or skipped, not '" + value + "'.");
        }
        return outcome;
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
