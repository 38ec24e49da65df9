package io.simswarm.scheduler.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The runs of the campaigns and their attempts: the changes that touch many runs at once (added, leased, cancelled,
 * retried) and the questions asked about them. Changes of one run are methods of {@link Run}. Writers that lock
 * several runs lock them in the order of their run numbers.
 */
@ApplicationScoped
public class RunLedger {

    private static final List<RunState> OPEN = List.of(RunState.PENDING, RunState.RUNNING, RunState.UPLOADED);

    private final EntityManager entityManager;
    private final ObjectMapper json;

    public RunLedger(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Adds the runs of a campaign that has just been expanded, all PENDING; numbers already there are skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String campaignId, Collection<Integer> runNumbers) {
        add(campaignId, runNumbers, Map.of());
    }

    /**
     * Adds the runs of a campaign that has just been expanded, all PENDING, each with its iteration variables from
     * {@code itervars} (none for a run it leaves out); numbers already there are skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String campaignId, Collection<Integer> runNumbers, Map<Integer, List<Itervar>> itervars) {
        String byRun;
        try {
            byRun = json.writeValueAsString(itervars);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the iteration variables cannot be written as JSON", e);
        }
        // The JSON is read once (a materialized CTE): in a generic plan, which PostgreSQL may choose once the statement
        // has run five times, a cast of the parameter in the select list is evaluated for every row, and reading a
        // 1 MB document 10,000 times outlasts the statement timeout.
        entityManager.createNativeQuery("with byrun as materialized (select cast(?3 as jsonb) as itervars)"
                + " insert into run (campaign_id, run_number, state, itervars)"
                + " select ?1, n, 'PENDING', byrun.itervars -> cast(n as text)"
                + " from byrun, unnest(cast(?2 as integer[])) as n on conflict do nothing")
                .setParameter(1, campaignId)
                .setParameter(2, runNumbers.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .setParameter(3, byRun)
                .executeUpdate();
    }

    /**
     * A sample of a campaign just expanded: its PENDING runs after the first {@code keep} (by run number) are
     * CANCELLED, with a sentence saying why.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setAside(String campaignId, int keep) {
        entityManager.createNativeQuery("update run set state = 'CANCELLED', error = ?3 where campaign_id = ?1 and"
                + " state = 'PENDING' and run_number not in (select run_number from run where campaign_id = ?1"
                + " order by run_number limit ?2)")
                .setParameter(1, campaignId)
                .setParameter(2, keep)
                .setParameter(3, "Not in the sample of the first " + keep + " run" + (keep == 1 ? "" : "s") + ".")
                .executeUpdate();
    }

    /**
     * Locks up to {@code limit} PENDING runs of the campaign for {@code worker}, the longest expected first, then the
     * lowest numbers (runs without an expected duration, all of them when none is known), skipping runs
     * locked by others and runs whose attempt failed on this worker less than {@code cooldown} ago (another worker
     * takes them first).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Run> lockPending(String campaignId, String worker, Duration cooldown, int limit) {
        return entityManager.createNativeQuery("select * from run r where r.campaign_id = ?1"
                + " and r.state = 'PENDING' and (r.attempts = 0 or not exists (select 1 from attempt a"
                + " where a.run_id = r.id and a.worker = ?2 and a.finished_at > ?3 and a.outcome in ('FAILED', 'LOST')))"
                + " order by r.expected_ms desc nulls last, r.run_number limit ?4 for update skip locked", Run.class)
                .setParameter(1, campaignId)
                .setParameter(2, worker)
                .setParameter(3, Instant.now().minus(cooldown))
                .setParameter(4, limit)
                .getResultList();
    }

    /** Records how long the campaign's runs are expected to take (ms, by run number), for longest-first leasing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expect(String campaignId, Map<Integer, Double> expectedMs) {
        if (expectedMs.isEmpty()) {
            return;
        }
        List<Integer> numbers = List.copyOf(expectedMs.keySet());
        entityManager.createNativeQuery("update run r set expected_ms = e.ms from unnest(cast(?2 as integer[]),"
                + " cast(?3 as double precision[])) as e(n, ms) where r.campaign_id = ?1 and r.run_number = e.n")
                .setParameter(1, campaignId)
                .setParameter(2, numbers.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")))
                .setParameter(3, numbers.stream().map(n -> String.valueOf(expectedMs.get(n)))
                        .collect(Collectors.joining(",", "{", "}")))
                .executeUpdate();
    }

    /**
     * Hands a locked PENDING {@code run} to {@code worker} ({@code HOST/TASK}, or a bare name): the run is RUNNING on
     * that host and a new attempt, the lease, is open until {@code now + ttl} unless its heartbeats renew it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Attempt lease(Run run, String worker, Instant now, Duration ttl) {
        int slash = worker.indexOf('/');
        run.leased(slash > 0 ? worker.substring(0, slash) : worker, now);
        Attempt attempt = new Attempt();
        attempt.id = UUID.randomUUID();
        attempt.runId = run.id;
        attempt.campaignId = run.campaignId;
        attempt.runNumber = run.runNumber;
        attempt.number = run.attempts;
        attempt.worker = worker;
        attempt.startedAt = now;
        attempt.expiresAt = now.plus(ttl);
        attempt.persist();
        return attempt;
    }

    /** The campaign's runs with these numbers, locked, in the order of their numbers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Run> lock(String campaignId, Collection<Integer> runNumbers) {
        if (runNumbers.isEmpty()) {
            return List.of();
        }
        return Run.<Run>find("campaignId = ?1 and runNumber in ?2 order by runNumber", campaignId, runNumbers)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The run an attempt is of, locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Run lockRunOf(Attempt attempt) {
        Run run = Run.findById(attempt.runId, LockModeType.PESSIMISTIC_WRITE);
        entityManager.refresh(attempt);
        return run;
    }

    /** Every run of the campaign that has not ended is CANCELLED, every open attempt WITHDRAWN. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancelAll(String campaignId) {
        Run.update("state = ?1 where campaignId = ?2 and state in ?3", RunState.CANCELLED, campaignId, OPEN);
        Attempt.update("outcome = ?1, finishedAt = ?2 where campaignId = ?3 and finishedAt is null",
                AttemptOutcome.WITHDRAWN, Instant.now(), campaignId);
    }

    /** Every FAILED run of the campaign is PENDING again with a fresh retry budget; how many there were. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int retryFailed(String campaignId) {
        return Run.update("state = ?1, budgetUsed = 0 where campaignId = ?2 and state = ?3", RunState.PENDING,
                campaignId, RunState.FAILED);
    }

    public Optional<Run> find(String campaignId, int runNumber) {
        return Run.find("campaignId = ?1 and runNumber = ?2", campaignId, runNumber).firstResultOptional();
    }

    public List<Run> ofCampaign(String campaignId) {
        return Run.list("campaignId = ?1 order by runNumber", campaignId);
    }

    /** The campaign's FAILED runs, lowest numbers first. */
    public List<Run> failed(String campaignId) {
        return Run.list("campaignId = ?1 and state = ?2 order by runNumber", campaignId, RunState.FAILED);
    }

    /** True while a run of the campaign is still to be done (pending, running or waiting for its results). */
    public boolean anyOpen(String campaignId) {
        return !entityManager.createQuery("select 1 from Run r where r.campaignId = ?1 and r.state in ?2",
                Integer.class)
                .setParameter(1, campaignId)
                .setParameter(2, OPEN)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    public long count(String campaignId, RunState state) {
        return Run.count("campaignId = ?1 and state = ?2", campaignId, state);
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

    /**
     * Number of workers that hold an open attempt of the campaign: each runs one run at a time, the rest of its
     * batch waits behind it.
     */
    public int busyWorkers(String campaignId) {
        return entityManager.createQuery(
                "select count(distinct a.worker) from Attempt a where a.campaignId = ?1 and a.finishedAt is null",
                Long.class)
                .setParameter(1, campaignId)
                .getSingleResult().intValue();
    }

    /** {@link #busyWorkers} of every campaign that has any. */
    public Map<String, Integer> busyWorkersByCampaign() {
        List<Object[]> rows = entityManager.createQuery(
                "select a.campaignId, count(distinct a.worker) from Attempt a where a.finishedAt is null"
                        + " group by a.campaignId", Object[].class)
                .getResultList();
        Map<String, Integer> busy = new HashMap<>();
        rows.forEach(row -> busy.put((String) row[0], ((Number) row[1]).intValue()));
        return busy;
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
}
