package io.simswarm.scheduler.expansion;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignChanged;
import io.simswarm.scheduler.campaign.CampaignLifecycle;
import io.simswarm.scheduler.campaign.CampaignOwners;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.campaign.MemorySize;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.docker.DockerClients;
import io.simswarm.scheduler.docker.DockerUnavailableException;
import io.simswarm.scheduler.docker.Isolation;
import io.simswarm.scheduler.docker.JobSpec;
import io.simswarm.scheduler.docker.Labels;
import io.simswarm.scheduler.docker.SwarmApi;
import io.simswarm.scheduler.docker.SwarmTask;
import io.simswarm.scheduler.tx.Background;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Expands a built campaign into its runs by asking the simulation itself: a one-off Swarm job in the campaign's
 * image runs {@code -c CONFIG [-r FILTER] -s -q runnumbers}; its output gives one run row per number, with the run's
 * iteration variables from {@code -q runs} run before it in the same job ({@link ExpansionScript}); a campaign with
 * precision targets gets its parameter points too ({@link PointPlanner}), and {@link Repetitions} adds to them. A
 * campaign is
 * expanded by its owner ({@link CampaignOwners}): by the instance that moved it to EXPANDING, or by the one that took
 * it over because the expansion's instance stopped.
 */
@ApplicationScoped
public class Expander {

    private static final long POLL_NANOS = 200_000_000L;

    private final SchedulerConfig config;
    private final DockerClients docker;
    private final ObjectMapper json;
    private final CampaignLifecycle lifecycle;
    private final CampaignOwners owners;
    private final Background background;
    private final Set<String> expanding = ConcurrentHashMap.newKeySet();

    public Expander(SchedulerConfig config, DockerClients docker, ObjectMapper json, CampaignLifecycle lifecycle,
            CampaignOwners owners, Background background) {
        this.config = config;
        this.docker = docker;
        this.json = json;
        this.lifecycle = lifecycle;
        this.owners = owners;
        this.background = background;
    }

    /** A campaign that became EXPANDING is expanded in the background once that change is committed. */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignChanged change) {
        if (change.to() == CampaignStatus.EXPANDING && owners.claim(change.campaignId())) {
            expandInBackground(change.campaignId());
        }
    }

    /**
     * The EXPANDING campaigns this instance owns and does not expand yet are expanded: after a restart, and those
     * taken over from an instance that stopped.
     */
    @Scheduled(every = "${simswarm.scheduler.ownership.interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void takeUp() {
        List<String> mine = owners.mine();
        if (mine.isEmpty()) {
            return;
        }
        List<String> left = QuarkusTransaction.requiringNew().call(() -> Campaign.<Campaign>list(
                "id in ?1 and status = ?2", mine, CampaignStatus.EXPANDING).stream()
                .map(c -> c.id).filter(id -> !expanding.contains(id)).toList());
        left.forEach(this::expandInBackground);
        if (!left.isEmpty()) {
            Log.infof("expanding %d campaign(s) left EXPANDING: %s", left.size(), left);
        }
    }

    private void expandInBackground(String campaignId) {
        background.run("expanding campaign " + campaignId, () -> expand(campaignId));
    }

    /** Expands an EXPANDING campaign: lists its runs in its image, stores them and dispatches them. */
    public void expand(String campaignId) {
        if (!expanding.add(campaignId)) {
            return;
        }
        try {
            Campaign snapshot = QuarkusTransaction.requiringNew().call(() -> Campaign.<Campaign>findById(campaignId));
            if (snapshot == null || snapshot.status != CampaignStatus.EXPANDING) {
                return;
            }
            RunNumbers.Outcome outcome = query(snapshot);
            QuarkusTransaction.requiringNew().run(() -> store(campaignId, outcome));
        } catch (DockerUnavailableException | IllegalStateException e) {
            lifecycle.failNow(campaignId, "The runs of the campaign could not be listed: " + e.getMessage() + ".");
        } catch (RuntimeException e) {
            // anything else would leave the campaign EXPANDING, to be expanded again every few seconds
            Log.errorf(e, "expanding campaign %s failed", campaignId);
            lifecycle.failNow(campaignId, "The runs of the campaign could not be listed: " + e + ".");
        } finally {
            expanding.remove(campaignId);
        }
    }

    private RunNumbers.Outcome query(Campaign c) {
        SwarmApi api = docker.of(c.cluster, c.dockerHost, c.dockerTls);
        api.removeServices(Labels.of(c.id, Labels.EXPAND));
        JobSpec spec = new JobSpec(json, "simswarm-" + c.id + "-x" + UUID.randomUUID().toString().substring(0, 6),
                c.image)
                .label(Labels.CAMPAIGN, c.id)
                .label(Labels.ROLE, Labels.EXPAND)
                .command(List.of("/bin/sh", "-c",
                        ExpansionScript.of(c.runCommand, c.iniFile, c.config, c.runFilter, c.simArgs,
                                c.maxRepetitions)))
                .dir(c.imageWorkdir)
                .network(config.swarm().network())
                .isolated(new Isolation(config.swarm().runUser(),
                        MemorySize.parse("expansion-memory", config.swarm().expansionMemory()),
                        config.swarm().pidsPerTask()))
                .env("HOME", "/tmp")
                .tasks(1, 1)
                .restarts(1);
        String serviceId = api.createService(spec.toJson());
        try {
            SwarmTask task = awaitEnd(api, serviceId, c.id);
            if (!"complete".equals(task.state())) {
                String why = task.error() != null ? task.error() : task.message();
                return RunNumbers.Outcome.failed("The job listing the runs of config '" + c.config
                        + "' could not run in image " + c.image + ": " + why);
            }
            return RunNumbers.parse(awaitLogs(api, serviceId), c.config, c.runFilter);
        } finally {
            api.removeService(serviceId);
            api.removeContainersOf(spec.name());
        }
    }

    private SwarmTask awaitEnd(SwarmApi api, String serviceId, String campaignId) {
        Instant deadline = Instant.now().plus(config.swarm().expansionTimeout());
        while (Instant.now().isBefore(deadline)) {
            List<SwarmTask> tasks = api.tasks(serviceId);
            Optional<SwarmTask> done = tasks.stream().filter(t -> "complete".equals(t.state())).findFirst();
            if (done.isPresent()) {
                return done.get();
            }
            Optional<SwarmTask> stuck = tasks.stream().filter(SwarmTask::cannotStart).findFirst();
            if (stuck.isPresent()) {
                return stuck.get();
            }
            if (!stillExpanding(campaignId)) {
                throw new IllegalStateException("the campaign was cancelled while its runs were being listed");
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        throw new IllegalStateException("the job listing the runs did not end within "
                + config.swarm().expansionTimeout().toSeconds() + " s");
    }

    private String awaitLogs(SwarmApi api, String serviceId) {
        String logs = api.serviceLogs(serviceId);
        for (int i = 0; i < 25 && !logs.contains(RunNumbers.EXIT_MARKER); i++) {
            LockSupport.parkNanos(POLL_NANOS);
            logs = api.serviceLogs(serviceId);
        }
        return logs;
    }

    private static boolean stillExpanding(String campaignId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Campaign current = Campaign.findById(campaignId);
            return current != null && current.status == CampaignStatus.EXPANDING;
        });
    }

    private void store(String campaignId, RunNumbers.Outcome outcome) {
        Campaign campaign = Campaign.lock(campaignId).orElse(null);
        if (campaign == null || campaign.status != CampaignStatus.EXPANDING) {
            return;
        }
        if (outcome.failed()) {
            Log.infof("campaign %s: expansion failed: %s", campaignId, outcome.error());
            lifecycle.fail(campaign, outcome.error());
            return;
        }
        if (campaign.maxRepetitions == null) {
            lifecycle.expanded(campaign, outcome.runs().stream().distinct().toList(), outcome.itervars(),
                    outcome.simulatorVersion());
            return;
        }
        PointPlanner.Plan plan = PointPlanner.of(outcome, campaign.maxRepetitions);
        if (plan.error() != null) {
            Log.infof("campaign %s: no points to repeat: %s", campaignId, plan.error());
            lifecycle.fail(campaign, plan.error());
            return;
        }
        lifecycle.expanded(campaign, plan.runs(), plan.itervars(), outcome.simulatorVersion(), plan.points());
    }
}
