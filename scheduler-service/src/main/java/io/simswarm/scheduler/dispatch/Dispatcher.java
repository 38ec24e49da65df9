package io.simswarm.scheduler.dispatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.simswarm.scheduler.campaign.Campaign;
import io.simswarm.scheduler.campaign.CampaignChanged;
import io.simswarm.scheduler.campaign.CampaignLifecycle;
import io.simswarm.scheduler.campaign.CampaignOwners;
import io.simswarm.scheduler.campaign.CampaignStatus;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.docker.DockerClients;
import io.simswarm.scheduler.docker.DockerUnavailableException;
import io.simswarm.scheduler.docker.Isolation;
import io.simswarm.scheduler.docker.JobSpec;
import io.simswarm.scheduler.docker.Labels;
import io.simswarm.scheduler.docker.SwarmApi;
import io.simswarm.scheduler.lease.LeaseTokens;
import io.simswarm.scheduler.lease.TaskUrls;
import io.simswarm.scheduler.run.RunLedger;
import io.simswarm.scheduler.run.RunState;
import io.simswarm.scheduler.tx.Background;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts a campaign's pilot workers on the swarm: one replicated-job service per campaign whose tasks lease runs
 * from the scheduler until none is left, created when the campaign becomes RUNNING (and again by the
 * {@link Tracker} when its workers ended with runs left); and removes a campaign's services and containers when it
 * has ended. Owns the campaign's worker generation, the time its current workers were started and whether its
 * services are gone.
 */
@ApplicationScoped
public class Dispatcher {

    /** Where the runner sits in every image the build service makes. */
    public static final String RUNNER = "/opt/simswarm/bin/simswarm-runner";
    /**
     * How a worker names itself in lease calls: its node and its Swarm task, unique to each task, so a replacement
     * task never renews a dead one's leases and the tracker can tell which leases a task that ended held.
     */
    static final String WORKER_ID = "{{.Node.Hostname}}/{{.Task.ID}}";

    private final SchedulerConfig config;
    private final DockerClients docker;
    private final TaskUrls urls;
    private final LeaseTokens tokens;
    private final ObjectMapper json;
    private final Background background;
    private final CampaignLifecycle lifecycle;
    private final CampaignOwners owners;
    private final RunLedger runs;
    private final Set<String> starting = ConcurrentHashMap.newKeySet();

    public Dispatcher(SchedulerConfig config, DockerClients docker, TaskUrls urls, LeaseTokens tokens,
            ObjectMapper json, Background background, CampaignLifecycle lifecycle, CampaignOwners owners,
            RunLedger runs) {
        this.config = config;
        this.docker = docker;
        this.urls = urls;
        this.tokens = tokens;
        this.json = json;
        this.background = background;
        this.lifecycle = lifecycle;
        this.owners = owners;
        this.runs = runs;
    }

    /**
     * Workers for a campaign that became RUNNING; removal of the services of one that ended. The instance that made
     * the change does it when it owns the campaign or nobody does ({@link CampaignOwners}); else the owner's
     * {@link Tracker} does it on its next pass.
     */
    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CampaignChanged change) {
        String campaignId = change.campaignId();
        if (change.to() == CampaignStatus.RUNNING && owners.claim(campaignId)) {
            background.run("starting the workers of campaign " + campaignId, () -> startWorkers(campaignId));
        } else if (change.to().terminal() && owners.claim(campaignId)) {
            background.run("removing the services of campaign " + campaignId, () -> removeServices(campaignId));
        }
    }

    /**
     * Creates a new worker service for the campaign (removing earlier ones), sized for the runs left to do.
     * Nothing happens when the campaign is not RUNNING or has no pending run.
     */
    public void startWorkers(String campaignId) {
        if (!starting.add(campaignId)) {
            return;
        }
        try {
            WorkerPlan plan = QuarkusTransaction.requiringNew().call(() -> plan(campaignId));
            if (plan == null) {
                return;
            }
            SwarmApi api = docker.of(plan.cluster(), plan.dockerHost(), plan.dockerTls());
            api.removeServices(Labels.of(campaignId, Labels.WORKERS));
            api.createService(spec(plan, api.largestNodeCpus()).toJson());
            Log.infof("campaign %s: worker service %s with %d workers", campaignId, plan.serviceName(),
                    plan.workers());
        } catch (DockerUnavailableException | IllegalStateException e) {
            lifecycle.failNow(campaignId, "The workers of the campaign cannot be put on the cluster: "
                    + e.getMessage() + ".");
        } finally {
            starting.remove(campaignId);
        }
    }

    /** Removes every service of the campaign and the containers they leave behind. */
    public void removeServices(String campaignId) {
        Campaign campaign = QuarkusTransaction.requiringNew().call(() -> Campaign.<Campaign>findById(campaignId));
        if (campaign == null) {
            return;
        }
        try {
            SwarmApi api = docker.of(campaign.cluster, campaign.dockerHost, campaign.dockerTls);
            if (!api.removeServices(Labels.of(campaignId))) {
                return; // something was still there: the tracker's next pass looks again until nothing is left
            }
            QuarkusTransaction.requiringNew().run(() -> {
                Campaign current = Campaign.findById(campaignId);
                if (current != null && current.status.terminal()) {
                    current.servicesRemoved = true;
                }
            });
        } catch (DockerUnavailableException | IllegalStateException e) {
            Log.warnf("campaign %s: services not removed yet: %s", campaignId, e.getMessage());
        }
    }

    private WorkerPlan plan(String campaignId) {
        Campaign campaign = Campaign.lock(campaignId).orElse(null);
        if (campaign == null || campaign.status != CampaignStatus.RUNNING) {
            return null;
        }
        long pending = runs.count(campaignId, RunState.PENDING);
        if (pending == 0) {
            return null;
        }
        if (campaign.workerGeneration >= config.swarm().maxWorkerGenerations()) {
            lifecycle.fail(campaign, "The workers of the campaign kept ending before its runs were done ("
                    + campaign.workerGeneration + " worker services were created); see the runs' attempts and the"
                    + " Swarm tasks of the campaign.");
            return null;
        }
        campaign.workerGeneration++;
        campaign.workersStartedAt = Instant.now();
        return WorkerPlan.of(campaign, (int) Math.min(campaign.maxParallel, pending));
    }

    /**
     * The worker service of {@code plan}. A run's CPUs are its container's limit, not a Swarm reservation: Docker
     * 20.10's constraint enforcer counts the reservations of replicated-job tasks that have completed, even of removed
     * services, and rejects every new task with a reservation ("assigned node no longer meets constraints") each time
     * a node changes, e.g. when it joins the runs' overlay network. Only when no node has that many CPUs
     * ({@code largestNodeCpus}) are they reserved, so that Swarm keeps the workers waiting for a node with room, as
     * the tracker's {@code unschedulable-grace} expects.
     */
    private JobSpec spec(WorkerPlan plan, double largestNodeCpus) {
        JobSpec spec = new JobSpec(json, plan.serviceName(), plan.image())
                .label(Labels.CAMPAIGN, plan.campaignId())
                .label(Labels.ROLE, Labels.WORKERS)
                .label(Labels.GENERATION, String.valueOf(plan.generation()))
                .command(List.of(RUNNER))
                .dir(plan.workdir())
                .hostname("{{.Node.Hostname}}")
                .network(config.swarm().network())
                .isolated(new Isolation(config.swarm().runUser(), plan.memoryBytes(), config.swarm().pidsPerTask()))
                .env("HOME", "/tmp")
                .env("SIMSWARM_LEASE_URL", urls.leaseUrl(plan.campaignId()))
                .env("SIMSWARM_LEASE_TOKEN", tokens.leaseToken(plan.campaignId()))
                .env("SIMSWARM_WORKER", WORKER_ID)
                .env("SIMSWARM_RUN_COMMAND", plan.runCommand())
                .env("SIMSWARM_CONFIG", plan.config())
                .env("SIMSWARM_INI_FILE", plan.iniFile())
                .env("SIMSWARM_SIM_ARGS", plan.simArgs())
                .env("SIMSWARM_RUN_TIMEOUT", String.valueOf(plan.timeoutSeconds()))
                .tasks(plan.workers(), plan.workers())
                .restarts(config.swarm().workerRestarts());
        if (plan.cpus() > largestNodeCpus) {
            return spec.cpus(plan.cpus());
        }
        return plan.cpus() > 0 ? spec.cpuLimit(plan.cpus()) : spec;
    }
}
