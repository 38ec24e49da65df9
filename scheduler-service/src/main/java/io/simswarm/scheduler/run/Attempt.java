package io.simswarm.scheduler.run;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One attempt at a run: the lease a worker holds while it runs it, then the outcome. */
@Entity
@Table(name = "attempt")
public class Attempt extends PanacheEntityBase {

    /** The lease id handed to the worker. */
    @Id
    public UUID id;
    public Long runId;
    public String campaignId;
    public int runNumber;
    /** 1 for the first attempt of the run, then counting up. */
    public int number;
    public String worker;
    public Instant startedAt;
    public Instant expiresAt;
    public Instant finishedAt;
    @Enumerated(EnumType.STRING)
    public AttemptOutcome outcome;
    public Integer exitCode;
    public Long durationMs;
    public String upload;
    public String logTail;
    /** Why the attempt failed; null for one that succeeded, was withdrawn or is open. */
    @Enumerated(EnumType.STRING)
    public FailureClass failureClass;
    /** OMNeT++'s error line for a model error. */
    public String failureMessage;

    public boolean open() {
        return finishedAt == null;
    }

    /** The attempt ended with {@code end}. */
    public void close(AttemptOutcome end) {
        outcome = end;
        finishedAt = Instant.now();
    }

    /** The worker's report of how the attempt ended. */
    public void reported(int exit, long duration, String uploadOutcome, String tail) {
        exitCode = exit;
        durationMs = duration;
        upload = uploadOutcome;
        logTail = tail;
    }

    /** The attempt failed for {@code failureClass}, with OMNeT++'s {@code message} for a model error. */
    public void failed(FailureClass failureClass, String message) {
        this.failureClass = failureClass;
        this.failureMessage = message;
    }

    public static List<Attempt> ofRun(Long runId) {
        return list("runId = ?1 order by number", runId);
    }
}
