package io.simswarm.scheduler.dispatch;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.docker.DockerClients;
import io.simswarm.scheduler.docker.DockerUnavailableException;
import io.simswarm.scheduler.docker.SwarmApi;
import io.simswarm.scheduler.docker.SwarmService;
import io.simswarm.scheduler.docker.SwarmTask;
import io.simswarm.scheduler.run.Run;
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

    public Tracker(SchedulerConfig config, DockerClients docker, Dispatcher dispatcher) {
        this.config = config;
        this.docker = docker;
        this.dispatcher = dispatcher;
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
        SwarmApi api = docker.of(campaign);
        List<SwarmService> services = api.services(Labels.of(campaign.id, Labels.WORKERS));
        List<SwarmTask> tasks = new ArrayList<>();
        services.forEach(s -> tasks.addAll(api.tasks(s.id())));
        Optional<String> unstartable = unstartable(tasks);
        if (unstartable.isPresent()) {
            dispatcher.fail(campaign.id, unstartable.get());
            return;
        }
        if (tasks.stream().anyMatch(SwarmTask::active)) {
            return;
        }
        long pending = QuarkusTransaction.requiringNew().call(() -> Run.count("campaignId = ?1 and state = ?2",
                campaign.id, RunState.PENDING));
        if (pending == 0) {
            return;
        }
        Instant limit = Instant.now().minus(config.swarm().idleWorkersGrace());
        boolean recentlyStarted = dispatcher.lastWorkerStart(campaign.id).filter(t -> t.isAfter(limit)).isPresent();
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
