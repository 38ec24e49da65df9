package io.simswarm.scheduler.campaign;

import io.simswarm.events.CampaignEvent;
import io.simswarm.scheduler.campaign.messaging.CampaignEvents;
import io.simswarm.scheduler.dispatch.Dispatcher;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The state changes a campaign goes through as its runs end: retries of failed attempts, the end of the campaign
 * when every run is done, and what is announced and cleaned up then. Callers hold the campaign's row lock.
 */
@ApplicationScoped
public class CampaignProgress {

    private static final int LOG_TAIL_CHARS = 8_000;

    private final EntityManager entityManager;
    private final CampaignEvents events;
    private final Dispatcher dispatcher;

    public CampaignProgress(EntityManager entityManager, CampaignEvents events, Dispatcher dispatcher) {
        this.entityManager = entityManager;
        this.events = events;
        this.dispatcher = dispatcher;
    }

    /** An attempt of {@code run} failed for {@code reason}: back to the queue while the budget lasts, else FAILED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void attemptFailed(Campaign campaign, Run run, String reason) {
        run.finishedAt = Instant.now();
        if (run.budgetUsed <= campaign.retries) {
            run.state = RunState.PENDING;
            run.error = reason;
        } else {
            run.state = RunState.FAILED;
            run.error = reason;
        }
    }

    /** Ends the campaign when none of its runs is left to do; SUCCEEDED when all succeeded, else FAILED. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void completeIfDone(Campaign campaign) {
        if (campaign.status != CampaignStatus.RUNNING) {
            return;
        }
        boolean open = !entityManager.createQuery("select 1 from Run r where r.campaignId = ?1 and r.state in ?2",
                Integer.class)
                .setParameter(1, campaign.id)
                .setParameter(2, List.of(RunState.PENDING, RunState.RUNNING, RunState.UPLOADED))
                .setMaxResults(1)
                .getResultList().isEmpty();
        if (open) {
            return;
        }
        Map<RunState, Integer> counts = counts(campaign.id);
        int failed = counts.getOrDefault(RunState.FAILED, 0);
        if (failed == 0) {
            finish(campaign, CampaignStatus.SUCCEEDED, null);
        } else {
            finish(campaign, CampaignStatus.FAILED, failureSummary(campaign, failed));
        }
    }

    /** Ends the campaign with {@code status}, announces it and removes its services once committed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void finish(Campaign campaign, CampaignStatus status, String error) {
        campaign.finish(status, error == null ? null : tail(error));
        events.announce(campaign, CampaignEvent.Type.FINISHED);
        dispatcher.removeServicesAfterCommit(campaign.id);
    }

    /** Number of the campaign's runs per state. */
    public Map<RunState, Integer> counts(String campaignId) {
        List<Object[]> rows = entityManager.createQuery(
                "select r.state, count(r) from Run r where r.campaignId = ?1 group by r.state", Object[].class)
                .setParameter(1, campaignId)
                .getResultList();
        Map<RunState, Integer> counts = new EnumMap<>(RunState.class);
        rows.forEach(row -> counts.put((RunState) row[0], ((Number) row[1]).intValue()));
        return counts;
    }

    /** Number of runs per state of every campaign. */
    public Map<String, Map<RunState, Integer>> countsByCampaign() {
        List<Object[]> rows = entityManager.createQuery(
                "select r.campaignId, r.state, count(r) from Run r group by r.campaignId, r.state", Object[].class)
                .getResultList();
        Map<String, Map<RunState, Integer>> counts = new HashMap<>();
        rows.forEach(row -> counts.computeIfAbsent((String) row[0], id -> new EnumMap<>(RunState.class))
                .put((RunState) row[1], ((Number) row[2]).intValue()));
        return counts;
    }

    private String failureSummary(Campaign campaign, int failed) {
        List<Run> runs = Run.list("campaignId = ?1 and state = ?2 order by runNumber", campaign.id, RunState.FAILED);
        Run first = runs.get(0);
        String which = failed == 1 ? "Run " + first.runNumber + " failed"
                : failed + " runs failed (" + runs.stream().limit(20).map(r -> String.valueOf(r.runNumber))
                        .collect(Collectors.joining(", ")) + (failed > 20 ? ", ..." : "") + "); run "
                        + first.runNumber + " failed";
        return which + " after " + first.budgetUsed + " attempt" + (first.budgetUsed == 1 ? "" : "s") + ": "
                + first.error;
    }

    private static String tail(String text) {
        return text.length() <= LOG_TAIL_CHARS ? text : "..." + text.substring(text.length() - LOG_TAIL_CHARS);
    }
}
