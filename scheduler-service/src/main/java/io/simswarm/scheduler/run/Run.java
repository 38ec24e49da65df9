package io.simswarm.scheduler.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** One run of a campaign: a run number of its configuration and where it stands. */
@Entity
@Table(name = "run")
public class Run extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String campaignId;
    public int runNumber;
    @Enumerated(EnumType.STRING)
    public RunState state;
    /** Attempts made in all. */
    public int attempts;
    /** Attempts counted against the retry budget (reset by retry-failed). */
    public int budgetUsed;
    /** Worker (node and slot) of the latest attempt. */
    public String node;
    public Integer exitCode;
    public Instant startedAt;
    public Instant finishedAt;
    public Long durationMs;
    /** Why the run failed: the log tail of its last attempt. */
    public String error;
    /** When the results service announced the run's stored results. */
    public Instant storedAt;

    public static Optional<Run> of(String campaignId, int runNumber) {
        return find("campaignId = ?1 and runNumber = ?2", campaignId, runNumber).firstResultOptional();
    }

    /** Locks the campaign's runs with these numbers, in the order of their numbers (the order every writer keeps). */
    public static List<Run> lock(String campaignId, Collection<Integer> runNumbers) {
        return find("campaignId = ?1 and runNumber in ?2 order by runNumber", campaignId, runNumbers)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public static List<Run> ofCampaign(String campaignId) {
        return list("campaignId = ?1 order by runNumber", campaignId);
    }
}
