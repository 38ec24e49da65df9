package io.simswarm.scheduler.dispatch;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignLifecycle;
import io.simswarm.scheduler.campaign.CampaignOwners;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.docker.DockerClients;
import io.simswarm.scheduler.docker.DockerUnavailableException;
import io.simswarm.scheduler.docker.Labels;
import io.simswarm.scheduler.docker.SwarmApi;
import io.simswarm.scheduler.docker.SwarmService;
import io.simswarm.scheduler.docker.SwarmTask;
import io.simswarm.scheduler.lease.LeaseExpiry;
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
 * node with room) fail the campaign with Swarm's reason; the leases of worker tasks that ended (container killed,
 * node lost) go back to the queue at once; a campaign left with pending runs and no live worker gets a new worker
 * service; services of ended campaigns are removed. Only the campaigns this instance owns ({@link CampaignOwners}).
 */
@ApplicationScoped
public class Tracker {

    private final SchedulerConfig config;
    private final DockerClients docker;
    private final Dispatcher dispatcher;
    private final CampaignLifecycle lifecycle;
    private final RunLedger runs;
    private final LeaseExpiry leases;
    private final CampaignOwners owners;

    public Tracker(SchedulerConfig config, DockerClients docker, Dispatcher dispatcher, CampaignLifecycle lifecycle,
            RunLedger runs, LeaseExpiry leases, CampaignOwners owners) {
        this.config = config;
        this.docker = docker;
        this.dispatcher = dispatcher;
        this.lifecycle = lifecycle;
        this.runs = runs;
        this.leases = leases;
        this.owners = owners;
    }

    @Scheduled(every = "${simswarm.scheduler.swarm.track-interval:2s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void track() {
        List<String> mine = owners.mine();
        if (mine.isEmpty()) {
            return;
        }
        List<Campaign> owned = QuarkusTransaction.requiringNew().call(() -> Campaign.<Campaign>list("id in ?1",
                mine));
        for (Campaign campaign : owned) {
            if (campaign.status.terminal()) {
                dispatcher.removeServices(campaign.id);
                continue;
            }
            if (campaign.status != CampaignStatus.RUNNING) {
                continue;
            }
            try {
                track(campaign);
            } catch (DockerUnavailableException | IllegalStateException e) {
                Log.warnf("campaign %s: cannot check its workers: %s", campaign.id, e.getMessage());
            }
        }
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
        List<String> ended = tasks.stream().filter(SwarmTask::ended).map(SwarmTask::id).toList();
        int lost = leases.workersGone(campaign.id, ended);
        if (lost > 0) {
            Log.infof("campaign %s: %d lease(s) of worker tasks that ended went back to the queue", campaign.id, lost);
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
