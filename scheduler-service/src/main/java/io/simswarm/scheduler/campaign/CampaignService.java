package io.simswarm.scheduler.campaign;

import io.quarkus.panache.common.Sort;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.docker.ClusterEndpoint;
import io.simswarm.events.CampaignEvent;
import io.simswarm.scheduler.campaign.messaging.CampaignEvents;
import io.simswarm.scheduler.cluster.ClusterDirectory;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.dispatch.Dispatcher;
import io.simswarm.scheduler.run.Attempt;
import io.simswarm.scheduler.run.AttemptOutcome;
import io.simswarm.scheduler.run.AttemptView;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunState;
import io.simswarm.scheduler.run.RunView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Submission, queries, cancel and retry of campaigns. */
@ApplicationScoped
public class CampaignService {

    private final SchedulerConfig config;
    private final ClusterDirectory clusters;
    private final CampaignEvents events;
    private final CampaignProgress progress;
    private final Dispatcher dispatcher;

    public CampaignService(SchedulerConfig config, ClusterDirectory clusters, CampaignEvents events,
            CampaignProgress progress, Dispatcher dispatcher) {
        this.config = config;
        this.clusters = clusters;
        this.events = events;
        this.progress = progress;
        this.dispatcher = dispatcher;
    }

    /** Accepts a campaign on a ready cluster, stores it and asks for its build. */
    @Transactional
    public CampaignView submit(CampaignRequest request) {
        String clusterName = blankToNull(request.cluster()) == null ? config.defaults().cluster() : request.cluster();
        ClusterEndpoint cluster = clusters.readyCluster(clusterName);
        Campaign c = new Campaign();
        c.id = UUID.randomUUID().toString();
        c.cluster = clusterName;
        c.repoUrl = request.repoUrl().strip();
        c.ref = blankToNull(request.ref());
        c.workdir = blankToNull(request.workdir());
        c.iniFile = blankToNull(request.iniFile());
        c.config = request.config().strip();
        c.runFilter = blankToNull(request.runFilter());
        c.simArgs = blankToNull(request.simArgs());
        c.baseImage = blankToNull(request.baseImage());
        c.buildCommand = blankToNull(request.buildCommand());
        c.runCommand = blankToNull(request.runCommand()) == null ? config.defaults().runCommand()
                : request.runCommand().strip();
        c.maxParallel = request.maxParallel() == null ? config.defaults().maxParallel() : request.maxParallel();
        c.retries = request.retries() == null ? config.defaults().retries() : request.retries();
        c.runTimeoutSeconds = request.runTimeoutSeconds() == null ? config.defaults().runTimeoutSeconds()
                : request.runTimeoutSeconds();
        c.cpusPerRun = request.cpusPerRun() == null ? config.defaults().cpusPerRun() : request.cpusPerRun();
        c.dockerHost = cluster.dockerHost();
        c.dockerTls = cluster.dockerTls();
        c.registry = blankToNull(cluster.registry());
        c.status = CampaignStatus.BUILDING;
        c.submittedAt = Instant.now();
        c.persist();
        events.announce(c, CampaignEvent.Type.SUBMITTED);
        events.requestBuild(c);
        return CampaignView.of(c, RunCounts.NONE);
    }

    @Transactional
    public CampaignView get(String id) {
        return CampaignView.of(find(id), RunCounts.of(progress.counts(id)));
    }

    @Transactional
    public List<CampaignView> list() {
        Map<String, Map<RunState, Integer>> counts = progress.countsByCampaign();
        return Campaign.<Campaign>listAll(Sort.descending("submittedAt")).stream()
                .map(c -> CampaignView.of(c, RunCounts.of(counts.getOrDefault(c.id, Map.of()))))
                .toList();
    }

    @Transactional
    public List<RunView> runs(String id) {
        find(id);
        return Run.ofCampaign(id).stream().map(RunView::of).toList();
    }

    @Transactional
    public List<AttemptView> attempts(String id, int runNumber) {
        find(id);
        Run run = Run.of(id, runNumber).orElseThrow(() -> ApiException.notFound(
                "Campaign " + id + " has no run " + runNumber + "."));
        return Attempt.ofRun(run.id).stream().map(AttemptView::of).toList();
    }

    /** Cancels a campaign that has not ended: its leases are withdrawn and its services removed. */
    @Transactional
    public CampaignView cancel(String id) {
        Campaign c = Campaign.lock(id).orElseThrow(() -> notFound(id));
        if (c.status.terminal()) {
            throw ApiException.conflict("Campaign " + id + " has already ended with status " + c.status
                    + "; only a campaign that is building, expanding or running can be cancelled.");
        }
        Run.update("state = ?1 where campaignId = ?2 and state in ?3", RunState.CANCELLED, id,
                List.of(RunState.PENDING, RunState.RUNNING, RunState.UPLOADED));
        Attempt.update("outcome = ?1, finishedAt = ?2 where campaignId = ?3 and finishedAt is null",
                AttemptOutcome.WITHDRAWN, Instant.now(), id);
        progress.finish(c, CampaignStatus.CANCELLED, null);
        return CampaignView.of(c, RunCounts.of(progress.counts(id)));
    }

    /** Gives the failed runs of a campaign a fresh retry budget and runs them again. */
    @Transactional
    public CampaignView retryFailed(String id) {
        Campaign c = Campaign.lock(id).orElseThrow(() -> notFound(id));
        if (c.status != CampaignStatus.FAILED && c.status != CampaignStatus.RUNNING) {
            throw ApiException.conflict("Campaign " + id + " is " + c.status
                    + "; only the failed runs of a failed or running campaign can be retried.");
        }
        int reset = Run.update("state = ?1, budgetUsed = 0 where campaignId = ?2 and state = ?3", RunState.PENDING,
                id, RunState.FAILED);
        if (reset == 0) {
            throw ApiException.conflict("Campaign " + id + " has no failed run to retry"
                    + (c.error == null ? "." : "; it failed before its runs: " + c.error));
        }
        if (c.status == CampaignStatus.FAILED) {
            c.status = CampaignStatus.RUNNING;
            c.error = null;
            c.finishedAt = null;
            c.servicesRemoved = false;
            events.announce(c, CampaignEvent.Type.STARTED);
            dispatcher.startWorkersAfterCommit(id);
        }
        return CampaignView.of(c, RunCounts.of(progress.counts(id)));
    }

    private static Campaign find(String id) {
        Campaign c = Campaign.findById(id);
        if (c == null) {
            throw notFound(id);
        }
        return c;
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("No campaign has the id '" + id + "'.");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
