package io.simswarm.scheduler.campaign;

import io.quarkus.panache.common.Sort;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.docker.ClusterEndpoint;
import io.simswarm.scheduler.cluster.ClusterDirectory;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.run.Attempt;
import io.simswarm.scheduler.run.AttemptView;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunLedger;
import io.simswarm.scheduler.run.RunState;
import io.simswarm.scheduler.run.RunView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Submission, queries, cancel and retry of campaigns; the changes themselves are {@link CampaignLifecycle}'s. */
@ApplicationScoped
public class CampaignService {

    private final SchedulerConfig config;
    private final ClusterDirectory clusters;
    private final CampaignLifecycle lifecycle;
    private final RunLedger runs;

    public CampaignService(SchedulerConfig config, ClusterDirectory clusters, CampaignLifecycle lifecycle,
            RunLedger runs) {
        this.config = config;
        this.clusters = clusters;
        this.lifecycle = lifecycle;
        this.runs = runs;
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
        lifecycle.submitted(c);
        return CampaignView.of(c, RunCounts.NONE);
    }

    @Transactional
    public CampaignView get(String id) {
        return CampaignView.of(find(id), RunCounts.of(runs.counts(id)));
    }

    @Transactional
    public List<CampaignView> list() {
        Map<String, Map<RunState, Integer>> counts = runs.countsByCampaign();
        return Campaign.<Campaign>listAll(Sort.descending("submittedAt")).stream()
                .map(c -> CampaignView.of(c, RunCounts.of(counts.getOrDefault(c.id, Map.of()))))
                .toList();
    }

    @Transactional
    public List<RunView> runs(String id) {
        find(id);
        return runs.ofCampaign(id).stream().map(RunView::of).toList();
    }

    @Transactional
    public List<AttemptView> attempts(String id, int runNumber) {
        find(id);
        Run run = runs.find(id, runNumber).orElseThrow(() -> ApiException.notFound(
                "Campaign " + id + " has no run " + runNumber + "."));
        return Attempt.ofRun(run.id).stream().map(AttemptView::of).toList();
    }

    /** Cancels a campaign that has not ended: its leases are withdrawn and its services removed. */
    @Transactional
    public CampaignView cancel(String id) {
        Campaign c = Campaign.lock(id).orElseThrow(() -> notFound(id));
        lifecycle.cancel(c);
        return CampaignView.of(c, RunCounts.of(runs.counts(id)));
    }

    /** Gives the failed runs of a campaign a fresh retry budget and runs them again. */
    @Transactional
    public CampaignView retryFailed(String id) {
        Campaign c = Campaign.lock(id).orElseThrow(() -> notFound(id));
        lifecycle.retryFailed(c);
        return CampaignView.of(c, RunCounts.of(runs.counts(id)));
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
