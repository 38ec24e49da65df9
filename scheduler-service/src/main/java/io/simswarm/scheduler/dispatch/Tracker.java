package io.simswarm.scheduler.dispatch;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignLifecycle;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.docker.DockerClients;
import io.simswarm.scheduler.docker.DockerUnavailableException;
import io.simswarm.scheduler.docker.Labels;
import io.simswarm.scheduler.docker.SwarmApi;
import io.simswarm.scheduler.docker.SwarmService;
import io.simswarm.scheduler.docker.SwarmTask;
import io.simswarm.scheduler.run.RunLedger;
import io.simswarm.scheduler.run.RunState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Watches the worker tasks of running campaigns through the Swarm API: tasks that cannot start (missing image, no
 * node with room) fail the campaign with Swarm's reason; a campaign left with pending runs and no live worker gets
 * a new worker service; services of ended campaigns are removed.
 */
@ApplicationScoped
public class Tracker {

    private final SchedulerConfig config;
    private final DockerClients docker;
    private final Dispatcher dispatcher;
    private final CampaignLifecycle lifecycle;
    private final RunLedger runs;

    public Tracker(SchedulerConfig config, DockerClients docker, Dispatcher dispatcher, CampaignLifecycle lifecycle,
            RunLedger runs) {
        this.config = config;
        this.docker = docker;
        this.dispatcher = dispatcher;
        this.lifecycle = lifecycle;
        this.runs = runs;
    }

    @Scheduled(every = "${simswarm.scheduler.swarm.track-interval:2s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void track() {
        List<Campaign> running = QuarkusTransaction.requiringNew().call(() -> Campaign.withStatus(
                CampaignStatus.RUNNING));
        for (Campaign campaign : running) {
            try {
                track(campaign);
            } catch (DockerUnavailableException | IllegalStateException e) {
                Log.warnf("campaign %s: cannot check its workers: %s", campaign.id, e.getMessage());
            }
        }
        List<Campaign> ended = QuarkusTransaction.requiringNew().call(() -> Campaign.<Campaign>list(
                "status in ?1 and servicesRemoved = false",
                List.of(CampaignStatus.SUCCEEDED, CampaignStatus.FAILED, CampaignStatus.CANCELLED)));
        ended.forEach(c -> dispatcher.removeServices(c.id));
    }

    void track(Campaign campaign) {
        SwarmApi api = docker.of(campaign.cluster, campaign.dockerHost, campaign.dockerTls);
        List<SwarmService> services = api.services(Labels.of(campaign.id, Labels.WORKERS));
        List<SwarmTask> tasks = new ArrayList<>();
        services.forEach(s -> tasks.addAll(api.tasks(s.id())));
        Optional<String> unstartable = unstartable(tasks);
        if (unstartable.isPresent()) {
            lifecycle.failNow(campaign.id, unstartable.get());
            return;
        }
        if (tasks.stream().anyMatch(SwarmTask::active)) {
            return;
        }
        long pending = QuarkusTransaction.requiringNew().call(() -> runs.count(campaign.id, RunState.PENDING));
        if (pending == 0) {
            return;
        }
        Instant limit = Instant.now().minus(config.swarm().idleWorkersGrace());
        boolean recentlyStarted = campaign.workersStartedAt != null && campaign.workersStartedAt.isAfter(limit);
        boolean recentlyActive = tasks.stream().map(SwarmTask::timestamp).filter(Objects::nonNull)
                .anyMatch(t -> t.isAfter(limit));
        if (!recentlyStarted && !recentlyActive) {
            Log.infof("campaign %s: %d pending runs and no live worker, starting workers", campaign.id, pending);
            dispatcher.startWorkers(campaign.id);
        }
    }

    private Optional<String> unstartable(List<SwarmTask> tasks) {
        Optional<SwarmTask> rejected = tasks.stream().filter(SwarmTask::cannotStart).findFirst();
        if (rejected.isPresent()) {
            return Optional.of("The worker tasks cannot start: " + rejected.get().error() + ".");
        }
        boolean anyRunning = tasks.stream().anyMatch(t -> "running".equals(t.state()));
        Instant limit = Instant.now().minus(config.swarm().unschedulableGrace());
        return tasks.stream()
                .filter(t -> !anyRunning && t.waitingForNode() && t.timestamp() != null
                        && t.timestamp().isBefore(limit))
                .findFirst()
                .map(t -> "No node of the cluster can take the worker tasks: " + t.error() + ".");
    }
}
