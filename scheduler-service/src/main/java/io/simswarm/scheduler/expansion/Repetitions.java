package io.simswarm.scheduler.expansion;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignLifecycle;
import io.simswarm.scheduler.campaign.CampaignOwners;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.point.Decision;
import io.simswarm.scheduler.point.Point;
import io.simswarm.scheduler.point.PointLedger;
import io.simswarm.scheduler.point.PointState;
import io.simswarm.scheduler.point.Target;
import io.simswarm.scheduler.results.ResultsReader;
import io.simswarm.scheduler.results.ResultsRefusedException;
import io.simswarm.scheduler.results.ResultsUnavailableException;
import io.simswarm.scheduler.results.ScalarAggregate;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Repeats the parameter points of campaigns with precision targets until they are met: each OPEN point all of whose
 * runs so far have ended is judged on the mean and 95 % confidence interval the results service reports for its runs
 * ({@link ResultsReader}); it gets more repetitions as PENDING runs, or ends MET, at its BUDGET or with NO_DATA
 * ({@link Decision}). The campaign ends once no run is open and no point is OPEN. Only the campaigns this instance
 * owns ({@link CampaignOwners}); a decision is taken under the campaign's and the point's row locks, so a point is
 * judged once for each set of runs.
 */
@ApplicationScoped
public class Repetitions {

    private static final Duration QUIET = Duration.ofSeconds(30);

    private final CampaignOwners owners;
    private final PointLedger points;
    private final ResultsReader results;
    private final CampaignLifecycle lifecycle;
    private final Map<String, Instant> lastWarned = new ConcurrentHashMap<>();

    public Repetitions(CampaignOwners owners, PointLedger points, ResultsReader results, CampaignLifecycle lifecycle) {
        this.owners = owners;
        this.points = points;
        this.results = results;
        this.lifecycle = lifecycle;
    }

    @Scheduled(every = "${simswarm.scheduler.points.interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void judgeReadyPoints() {
        List<String> mine = owners.mine();
        if (mine.isEmpty()) {
            return;
        }
        for (long pointId : QuarkusTransaction.requiringNew().call(() -> points.ready(mine))) {
            judge(pointId);
        }
    }

    /** Judges one point whose runs so far have all ended; the results service is asked outside any transaction. */
    void judge(long pointId) {
        Snapshot snapshot = QuarkusTransaction.requiringNew().call(() -> snapshot(pointId));
        if (snapshot == null) {
            return;
        }
        Map<Target, List<ScalarAggregate>> reported = new LinkedHashMap<>();
        try {
            for (Target target : snapshot.targets()) {
                reported.put(target, results.aggregate(snapshot.campaignId(), target.name(), snapshot.released()));
            }
        } catch (ResultsUnavailableException e) {
            warn(snapshot.campaignId(), "campaign %s: its points wait for the results service: %s", e.getMessage());
            return;
        } catch (ResultsRefusedException e) {
            lifecycle.failNow(snapshot.campaignId(), "The precision of the campaign's points could not be read: "
                    + e.getMessage() + ".");
            return;
        }
        Decision decision = Decision.of(snapshot.targets(), reported, snapshot.released().size(),
                snapshot.maxRepetitions());
        QuarkusTransaction.requiringNew().run(() -> apply(pointId, snapshot.released(), decision));
    }

    private Snapshot snapshot(long pointId) {
        Point point = Point.findById(pointId);
        if (point == null || point.state != PointState.OPEN) {
            return null;
        }
        Campaign campaign = Campaign.findById(point.campaignId);
        if (campaign == null || campaign.status != CampaignStatus.RUNNING || campaign.maxRepetitions == null) {
            return null;
        }
        return new Snapshot(campaign.id, campaign.targets(), campaign.maxRepetitions, points.released(point));
    }

    private void apply(long pointId, List<Integer> released, Decision decision) {
        Point unlocked = Point.findById(pointId);
        if (unlocked == null) {
            return;
        }
        Campaign campaign = Campaign.lock(unlocked.campaignId).orElse(null);
        Point point = points.lock(pointId);
        // judged meanwhile by another instance, or its runs changed (retried): it is judged again when ready
        if (campaign == null || campaign.status != CampaignStatus.RUNNING || point == null
                || point.state != PointState.OPEN || !points.released(point).equals(released)) {
            return;
        }
        int added = points.judged(point, decision, released);
        lifecycle.repetitionsAdded(campaign, added);
        if (added > 0) {
            Log.infof("campaign %s: point %d gets %d more repetition(s) (%d so far)", campaign.id, point.position,
                    added, released.size() + added);
        } else {
            Log.infof("campaign %s: point %d is %s after %d repetition(s)", campaign.id, point.position, point.state,
                    released.size());
        }
        lifecycle.completeIfDone(campaign);
    }

    private void warn(String campaignId, String format, String detail) {
        Instant now = Instant.now();
        Instant last = lastWarned.get(campaignId);
        if (last == null || last.plus(QUIET).isBefore(now)) {
            lastWarned.put(campaignId, now);
            Log.warnf(format, campaignId, detail);
        }
    }

    private record Snapshot(String campaignId, List<Target> targets, int maxRepetitions, List<Integer> released) {
    }
}
