package io.simswarm.imagebuild.log;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.simswarm.imagebuild.job.BuildStatus;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Stores build logs as numbered chunks (table build_log) and hands out writers that batch lines into chunks. */
@ApplicationScoped
public class BuildLogs {

    /** A chunk of a build's log. */
    public record Chunk(int seq, String text) {
    }

    private final EntityManager entityManager;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "build-log-flusher");
        thread.setDaemon(true);
        return thread;
    });

    public BuildLogs(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** A writer for the log of {@code buildId}; close it to write what is left. */
    public BuildLogWriter open(UUID buildId) {
        return new BuildLogWriter(buildId, this, flusher);
    }

    /** Appends one chunk after the last one, in its own transaction. */
    void append(UUID buildId, String text) {
        try {
            QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                    "insert into build_log (build_id, seq, text) "
                            + "select ?1, coalesce(max(seq), -1) + 1, ?2 from build_log where build_id = ?1")
                    .setParameter(1, buildId)
                    .setParameter(2, text)
                    .executeUpdate());
        } catch (RuntimeException e) {
            Log.warnf(e, "could not store %d characters of the log of build %s", text.length(), buildId);
        }
    }

    /** The chunks after {@code afterSeq}, in order. */
    @SuppressWarnings("unchecked")
    public List<Chunk> after(UUID buildId, int afterSeq) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object[]>) entityManager.createNativeQuery(
                "select seq, text from build_log where build_id = ?1 and seq > ?2 order by seq")
                .setParameter(1, buildId)
                .setParameter(2, afterSeq)
                .getResultList())
                .stream()
                .map(row -> new Chunk(((Number) row[0]).intValue(), (String) row[1]))
                .toList());
    }

    /** The current status of a build, read in a transaction of its own (so never a stale copy). */
    public Optional<BuildStatus> status(UUID buildId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select status from build where id = ?1", String.class)
                .setParameter(1, buildId)
                .getResultStream()
                .findFirst()
                .map(status -> BuildStatus.valueOf((String) status)));
    }

    @PreDestroy
    void stop() {
        flusher.shutdown();
    }
}
