package io.simswarm.scheduler.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One run of a campaign: a run number of its configuration and where it stands. Its state changes only through
 * the methods below (one run) and {@link RunLedger} (many runs at once); callers hold the run's row lock.
 */
@Entity
@Table(name = "run")
public class Run extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String campaignId;
    public int runNumber;
    /** The run's iteration variables in OMNeT++'s order, from the expansion; null when not recorded. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Itervar> itervars;
    @Enumerated(EnumType.STRING)
    public RunState state;
    /** Attempts made in all. */
    public int attempts;
    /** Attempts counted against the retry budget (reset by retry-failed). */
    public int budgetUsed;
    /** Attempts lost to the system (worker gone, results service out of reach); they spend no budget. */
    public int systemFailures;
    /** Node (host name) of the worker of the latest attempt. */
    public String node;
    public Integer exitCode;
    public Instant startedAt;
    public Instant finishedAt;
    public Long durationMs;
    /** Why the run failed: the log tail of its last attempt. */
    public String error;
    /** Why the latest attempt failed; null while it runs or after it succeeded. */
    @Enumerated(EnumType.STRING)
    public FailureClass failureClass;
    /** How long the run is expected to take (ms), from earlier runs; null when unknown. */
    public Double expectedMs;
    /** When the results service announced the run's stored results. */
    public Instant storedAt;

    /** PENDING → RUNNING: a worker on {@code host} starts attempt number {@link #attempts} (against the budget). */
    void leased(String host, Instant now) {
        expect(RunState.PENDING);
        state = RunState.RUNNING;
        attempts++;
        budgetUsed++;
        node = host;
        startedAt = now;
        finishedAt = null;
        exitCode = null;
        durationMs = null;
        failureClass = null;
    }

    /** The latest attempt ended as its worker reports: exit code and run time are kept whatever the state. */
    public void ended(int exit, long duration) {
        exitCode = exit;
        durationMs = duration;
        finishedAt = Instant.now();
    }

    /** RUNNING → UPLOADED: the attempt ran and uploaded its results; the results service is to announce them. */
    public void uploaded() {
        if (state == RunState.RUNNING) {
            state = RunState.UPLOADED;
        }
    }

    /**
     * The latest attempt failed as {@code failure} says: RUNNING → PENDING (tried again) when its action is RETRY and
     * the budget lasts ({@code retries} more attempts after the first), else → FAILED, with {@code reason}. A run no
     * longer RUNNING (stored or cancelled meanwhile) stays as it is.
     *
     * @return true when the run went back to the queue or failed
     */
    public boolean attemptFailed(Failure failure, String reason, int retries) {
        if (state != RunState.RUNNING) {
            return false;
        }
        finishedAt = Instant.now();
        failureClass = failure.failureClass();
        boolean again = failure.action() == ExitAction.RETRY && budgetUsed <= retries;
        state = again ? RunState.PENDING : RunState.FAILED;
        error = reason;
        return true;
    }

    /**
     * RUNNING → PENDING: the attempt was lost to the system, not to the run (its worker died, its upload could not
     * reach the results service); it gives back the budget it took. After {@code cap} such losses the run FAILS,
     * so a run that kills every worker it meets does not go round for ever.
     *
     * @return true when the run went back to the queue or failed
     */
    public boolean attemptLostToSystem(String reason, int cap) {
        if (state != RunState.RUNNING) {
            return false;
        }
        finishedAt = Instant.now();
        budgetUsed = Math.max(0, budgetUsed - 1);
        systemFailures++;
        failureClass = FailureClass.SYSTEM;
        error = reason;
        state = systemFailures <= cap ? RunState.PENDING : RunState.FAILED;
        if (state == RunState.FAILED) {
            error = reason + " The run was lost to the system " + systemFailures + " times; it is not tried again.";
        }
        return true;
    }

    /**
     * → SUCCEEDED: the results service stored the run's results, whatever its worker reports (the announcement may
     * come before or after the worker's finish call). A cancelled run only records when.
     */
    public void stored(Instant at) {
        if (state == RunState.SUCCEEDED) {
            return;
        }
        storedAt = at;
        if (state == RunState.CANCELLED) {
            return;
        }
        state = RunState.SUCCEEDED;
        error = null;
        if (finishedAt == null) {
            finishedAt = Instant.now();
        }
    }

    private void expect(RunState expected) {
        if (state != expected) {
            throw new IllegalStateException("run " + runNumber + " of campaign " + campaignId + " is " + state
                    + ", not " + expected);
        }
    }
}
