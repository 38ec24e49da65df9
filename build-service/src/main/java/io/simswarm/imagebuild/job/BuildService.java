package io.simswarm.imagebuild.job;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.events.BuildRequested;
import io.simswarm.imagebuild.messaging.BuildResults;
import io.simswarm.imagebuild.queue.BuildQueue;
import io.simswarm.imagebuild.spec.BuildSpec;
import io.simswarm.imagebuild.spec.BuildSpecs;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Accepts build requests from REST and Kafka and answers questions about builds. */
@ApplicationScoped
public class BuildService {

    private static final int LIST_LIMIT = 100;

    private final BuildSpecs specs;
    private final BuildQueue queue;
    private final BuildResults results;
    private final TransactionSynchronizationRegistry transactions;

    public BuildService(BuildSpecs specs, BuildQueue queue, BuildResults results,
            TransactionSynchronizationRegistry transactions) {
        this.specs = specs;
        this.queue = queue;
        this.results = results;
        this.transactions = transactions;
    }

    /** Queues a build requested over REST by {@code owner}. */
    public Build submit(BuildSpec spec, String owner) {
        Build build = QuarkusTransaction.requiringNew().call(() -> {
            Build queued = Build.create(spec, null, null);
            queued.owner = owner;
            queued.persist();
            return queued;
        });
        queue.wakeUp();
        return build;
    }

    /**
     * Queues the build a campaign asked for, in the caller's transaction; an invalid request becomes a FAILED build
     * whose result is published, so the campaign learns what was wrong.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Build accept(BuildRequested request) {
        Build build;
        try {
            BuildSpec spec = specs.of(request.repoUrl(), request.ref(), request.workdir(), request.baseImage(),
                    request.buildCommand(), request.dockerHost(), request.registry(), request.cluster(),
                    request.dockerTls());
            build = Build.create(spec, request.campaignId(), request.eventId());
            build.persist();
            afterCommit(queue::wakeUp);
        } catch (ApiException e) {
            build = rejected(request, e.getMessage());
            build.persist();
            results.publish(build);
        }
        return build;
    }

    public Build get(String id) {
        return parse(id).flatMap(uuid -> QuarkusTransaction.requiringNew().call(() -> Build.<Build>findByIdOptional(uuid)))
                .orElseThrow(() -> ApiException.notFound("There is no build with id '" + id + "'."));
    }

    /** Builds of a commit (full sha or a prefix of at least 4 hex digits), or the latest builds. */
    public List<Build> list(String commit) {
        if (commit == null || commit.isBlank()) {
            return QuarkusTransaction.requiringNew().call(() -> Build.latest(LIST_LIMIT));
        }
        if (!commit.strip().matches("[0-9a-fA-F]{4,64}")) {
            throw ApiException.badRequest("The commit '" + commit + "' is not a commit sha (4 to 40 hex digits).");
        }
        return QuarkusTransaction.requiringNew().call(() -> Build.byCommit(commit.strip(), LIST_LIMIT));
    }

    private static Build rejected(BuildRequested request, String error) {
        Build build = new Build();
        build.id = UUID.randomUUID();
        build.status = BuildStatus.FAILED;
        build.campaignId = request.campaignId();
        build.requestEventId = request.eventId();
        build.repoUrl = request.repoUrl() == null ? "" : request.repoUrl();
        build.ref = request.ref();
        build.workdir = request.workdir() == null ? "." : request.workdir();
        build.baseImage = request.baseImage() == null ? "" : request.baseImage();
        build.buildCommand = request.buildCommand() == null ? "" : request.buildCommand();
        build.dockerHost = request.dockerHost() == null ? "" : request.dockerHost();
        build.registry = request.registry();
        build.cluster = request.cluster();
        build.dockerTls = request.dockerTls();
        build.error = error;
        build.createdAt = Instant.now();
        build.finishedAt = build.createdAt;
        return build;
    }

    private void afterCommit(Runnable action) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
