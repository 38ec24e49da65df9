package io.simswarm.scheduler.campaign;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.simswarm.commons.messaging.Outbox;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.events.BuildFinished;
import io.simswarm.events.BuildRequested;
import io.simswarm.events.CampaignEvent;
import io.simswarm.events.Topics;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.point.PlannedPoint;
import io.simswarm.scheduler.point.PointLedger;
import io.simswarm.scheduler.run.Itervar;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Owns every change of a campaign's status: submitted (BUILDING), built (EXPANDING), expanded (RUNNING), ended
 * (SUCCEEDED, FAILED, CANCELLED) and retried (FAILED → RUNNING), along the transitions {@link CampaignStatus#canBecome}
 * allows. Each change is announced in the same transaction: on Kafka through the outbox ({@link CampaignEvent},
 * {@link BuildRequested}) and inside the service as a {@link CampaignChanged} CDI event, which the expansion and the
 * dispatch observe once the transaction has succeeded. Callers hold the campaign's row lock ({@link Campaign#lock}).
 */
@ApplicationScoped
public class CampaignLifecycle {

    private static final int ERROR_CHARS = 8_000;

    private final RunLedger runs;
    private final PointLedger points;
    private final Estimator estimator;
    private final SchedulerConfig config;
    private final Outbox outbox;
    private final Event<CampaignChanged> changes;

    public CampaignLifecycle(RunLedger runs, PointLedger points, Outbox outbox, Event<CampaignChanged> changes,
            Estimator estimator, SchedulerConfig config) {
        this.points = points;
        this.estimator = estimator;
        this.config = config;
        this.runs = runs;
        this.outbox = outbox;
        this.changes = changes;
    }

    /** A new campaign: stored as BUILDING, announced (SUBMITTED), and its image asked of the build service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(Campaign campaign) {
        campaign.status = CampaignStatus.BUILDING;
        campaign.submittedAt = Instant.now();
        campaign.persist();
        announce(campaign, CampaignEvent.Type.SUBMITTED);
        outbox.publish(Topics.BUILD_REQUESTS, campaign.id, BuildRequested.of(campaign.id, campaign.repoUrl,
                campaign.ref, campaign.workdir, campaign.baseImage, campaign.buildCommand, campaign.dockerHost,
                campaign.registry, campaign.cluster, campaign.dockerTls));
    }

    /** BUILDING → EXPANDING with the built image, or → FAILED when the build failed. Other statuses ignore it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void built(Campaign campaign, BuildFinished build) {
        if (campaign.status != CampaignStatus.BUILDING) {
            return;
        }
        campaign.buildId = build.buildId();
        campaign.commit = build.commit();
        campaign.buildFinishedAt = build.finishedAt() == null ? Instant.now() : build.finishedAt();
        if (!build.succeeded()) {
            fail(campaign, "The build failed: "
                    + (build.error() == null ? "the build service gave no reason." : build.error()));
            return;
        }
        campaign.image = build.image();
        campaign.imageDigest = build.imageDigest();
        campaign.baseImageDigest = build.baseImageDigest();
        campaign.imageWorkdir = build.workdir();
        move(campaign, CampaignStatus.EXPANDING);
        Log.infof("campaign %s: built as %s, expanding", campaign.id, build.image());
    }

    /** EXPANDING → RUNNING with these runs, all pending; announced (STARTED). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expanded(Campaign campaign, Collection<Integer> runNumbers) {
        expanded(campaign, runNumbers, Map.of(), null);
    }

    /**
     * EXPANDING → RUNNING with these runs, all pending, with their iteration variables and the version the simulation
     * program reported (null for none); announced (STARTED, with the version).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expanded(Campaign campaign, Collection<Integer> runNumbers, Map<Integer, List<Itervar>> itervars,
            String simulatorVersion) {
        expanded(campaign, runNumbers, itervars, simulatorVersion, List.of());
    }

    /**
     * EXPANDING → RUNNING as above, for a campaign with precision targets: its parameter points are stored too, and
     * {@code runNumbers} are their first repetitions.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expanded(Campaign campaign, Collection<Integer> runNumbers, Map<Integer, List<Itervar>> itervars,
            String simulatorVersion, List<PlannedPoint> planned) {
        campaign.simulatorVersion = simulatorVersion;
        runs.add(campaign.id, runNumbers, itervars);
        if (campaign.sampleRuns != null) {
            runs.setAside(campaign.id, campaign.sampleRuns);
        }
        points.plan(campaign.id, planned);
        if (config.lease().longestFirst()) {
            runs.expect(campaign.id, estimator.expectedDurations(campaign));
        }
        campaign.totalRuns = runNumbers.size();
        campaign.startedAt = Instant.now();
        move(campaign, CampaignStatus.RUNNING);
        announce(campaign, CampaignEvent.Type.STARTED);
        Log.infof("campaign %s: %d runs, dispatching", campaign.id, runNumbers.size());
    }

    /**
     * A point of a RUNNING campaign with precision targets got {@code added} more repetitions (already PENDING runs):
     * they count among its runs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void repetitionsAdded(Campaign campaign, int added) {
        if (campaign.status == CampaignStatus.RUNNING && added > 0) {
            campaign.totalRuns += added;
        }
    }

    /** A RUNNING campaign none of whose runs is left to do ends: SUCCEEDED when all succeeded, else FAILED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeIfDone(Campaign campaign) {
        if (campaign.status != CampaignStatus.RUNNING || runs.anyOpen(campaign.id)
                || campaign.until != null && points.anyOpen(campaign.id)) {
            return;
        }
        List<Run> failed = runs.failed(campaign.id);
        if (failed.isEmpty()) {
            end(campaign, CampaignStatus.SUCCEEDED, null);
        } else {
            end(campaign, CampaignStatus.FAILED, failureSummary(failed));
        }
    }

    /** A campaign that has not ended → FAILED, for {@code reason}; one that has ended stays as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void fail(Campaign campaign, String reason) {
        if (!campaign.status.terminal()) {
            end(campaign, CampaignStatus.FAILED, reason);
        }
    }

    /** {@link #fail(Campaign, String)} in a transaction of its own, for work done outside one (Docker calls). */
    public void failNow(String campaignId, String reason) {
        QuarkusTransaction.requiringNew().run(() -> Campaign.lock(campaignId)
                .filter(c -> !c.status.terminal())
                .ifPresent(c -> {
                    Log.warnf("campaign %s failed: %s", campaignId, reason);
                    fail(c, reason);
                }));
    }

    /** A campaign that has not ended → CANCELLED: its open runs are cancelled and their leases withdrawn. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(Campaign campaign) {
        if (campaign.status.terminal()) {
            throw ApiException.conflict("Campaign " + campaign.id + " has already ended with status "
                    + campaign.status + "; only a campaign that is building, expanding or running can be cancelled.");
        }
        runs.cancelAll(campaign.id);
        end(campaign, CampaignStatus.CANCELLED, null);
    }

    /**
     * The failed runs of a FAILED or RUNNING campaign get a fresh retry budget and are run again; a FAILED campaign
     * is RUNNING again (announced as STARTED).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retryFailed(Campaign campaign) {
        if (campaign.status != CampaignStatus.FAILED && campaign.status != CampaignStatus.RUNNING) {
            throw ApiException.conflict("Campaign " + campaign.id + " is " + campaign.status
                    + "; only the failed runs of a failed or running campaign can be retried.");
        }
        if (runs.retryFailed(campaign.id) == 0) {
            throw ApiException.conflict("Campaign " + campaign.id + " has no failed run to retry"
                    + (campaign.error == null ? "." : "; it failed before its runs: " + campaign.error));
        }
        if (campaign.status == CampaignStatus.FAILED) {
            campaign.error = null;
            campaign.finishedAt = null;
            campaign.servicesRemoved = false;
            move(campaign, CampaignStatus.RUNNING);
            announce(campaign, CampaignEvent.Type.STARTED);
        }
    }

    private void end(Campaign campaign, CampaignStatus status, String error) {
        campaign.error = error == null ? null : tail(error);
        campaign.finishedAt = Instant.now();
        move(campaign, status);
        announce(campaign, CampaignEvent.Type.FINISHED);
    }

    private void move(Campaign campaign, CampaignStatus to) {
        CampaignStatus from = campaign.status;
        if (!from.canBecome(to)) {
            throw new IllegalStateException("campaign " + campaign.id + " cannot go from " + from + " to " + to);
        }
        campaign.status = to;
        changes.fire(new CampaignChanged(campaign.id, from, to));
    }

    private void announce(Campaign campaign, CampaignEvent.Type type) {
        outbox.publish(Topics.CAMPAIGN_EVENTS, campaign.id, CampaignEvent.of(campaign.id, campaign.cluster, type,
                campaign.status.name(), campaign.totalRuns, campaign.simulatorVersion));
    }

    private static String failureSummary(List<Run> failed) {
        Run first = failed.get(0);
        int count = failed.size();
        String which = count == 1 ? "Run " + first.runNumber + " failed"
                : count + " runs failed (" + failed.stream().limit(20).map(r -> String.valueOf(r.runNumber))
                        .collect(Collectors.joining(", ")) + (count > 20 ? ", ..." : "") + "); run "
                        + first.runNumber + " failed";
        int tried = first.budgetUsed + first.systemFailures;
        return which + " after " + tried + " attempt" + (tried == 1 ? "" : "s") + ": " + first.error;
    }

    private static String tail(String text) {
        return text.length() <= ERROR_CHARS ? text : "..." + text.substring(text.length() - ERROR_CHARS);
    }
}
