package io.simswarm.scheduler.campaign;

import io.quarkus.logging.Log;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.simswarm.commons.problem.ApiException;
import io.simswarm.commons.security.Ownership;
import io.simswarm.docker.ClusterEndpoint;
import io.simswarm.scheduler.cluster.ClusterDirectory;
import io.simswarm.scheduler.config.SchedulerConfig;
import io.simswarm.scheduler.point.PointCounts;
import io.simswarm.scheduler.point.PointLedger;
import io.simswarm.scheduler.point.PointView;
import io.simswarm.scheduler.point.Target;
import io.simswarm.scheduler.run.Attempt;
import io.simswarm.scheduler.run.AttemptView;
import io.simswarm.scheduler.run.ExitRule;
import io.simswarm.scheduler.run.Run;
import io.simswarm.scheduler.run.RunLedger;
import io.simswarm.scheduler.run.RunState;
import io.simswarm.scheduler.run.RunView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Submission, queries, cancel and retry of campaigns; the changes themselves are {@link CampaignLifecycle}'s. */
@ApplicationScoped
public class CampaignService {

    private final SchedulerConfig config;
    private final ClusterDirectory clusters;
    private final CampaignLifecycle lifecycle;
    private final RunLedger runs;
    private final boolean allowFileRepos;
    private final Estimator estimator;
    private final PointLedger points;

    public CampaignService(SchedulerConfig config, ClusterDirectory clusters, CampaignLifecycle lifecycle,
            RunLedger runs, Estimator estimator, PointLedger points,
            @ConfigProperty(name = "simswarm.repos.allow-file") boolean allowFileRepos) {
        this.estimator = estimator;
        this.points = points;
        this.config = config;
        this.clusters = clusters;
        this.lifecycle = lifecycle;
        this.runs = runs;
        this.allowFileRepos = allowFileRepos;
    }

    /** Accepts a campaign of {@code owner} on a ready cluster, stores it with its estimate and asks for its build. */
    @Transactional
    public CampaignView submit(CampaignRequest request, String owner) {
        Campaign c = campaignOf(request);
        c.submittedBy = owner;
        ClusterEndpoint cluster = clusters.readyCluster(c.cluster);
        c.id = UUID.randomUUID().toString();
        c.dockerHost = cluster.dockerHost();
        c.dockerTls = cluster.dockerTls();
        c.registry = blankToNull(cluster.registry());
        c.estimate = estimateOrNone(c);
        lifecycle.submitted(c);
        return CampaignView.of(c, RunCounts.NONE, null);
    }

    /** The estimate kept with a submitted campaign; a failure to make one does not stop the campaign. */
    private Estimate estimateOrNone(Campaign c) {
        try {
            return estimator.estimate(c);
        } catch (RuntimeException e) {
            Log.warnf(e, "No estimate for campaign %s", c.id);
            return null;
        }
    }

    /** What the campaign would take, without submitting it. */
    @Transactional
    public Estimate estimate(CampaignRequest request) {
        return estimator.estimate(campaignOf(request));
    }

    /** A campaign as requested, with the defaults for what the request leaves out; not stored. */
    private Campaign campaignOf(CampaignRequest request) {
        List<String> problems = CampaignChecks.problems(request, allowFileRepos);
        if (!problems.isEmpty()) {
            throw new ApiException(400, "Bad request", "The campaign is not valid: " + String.join("; ", problems)
                    + ".", problems);
        }
        List<ExitRule> rules = exitRules(request.exitRules());
        Campaign c = new Campaign();
        c.cluster = blankToNull(request.cluster()) == null ? config.defaults().cluster() : request.cluster();
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
        c.memoryPerRun = MemorySize.parse("memoryPerRun", blankToNull(request.memoryPerRun()) == null
                ? config.defaults().memoryPerRun() : request.memoryPerRun());
        c.exitRules = rules;
        c.sampleRuns = request.sampleRuns();
        List<String> until = request.until() == null ? List.of() : request.until();
        if (!until.isEmpty()) {
            c.until = until.stream().map(t -> Target.parse(t).text()).toList();
            c.maxRepetitions = request.maxRepetitions() == null ? config.defaults().maxRepetitions()
                    : request.maxRepetitions();
        }
        return c;
    }

    @Transactional
    public CampaignView get(String id) {
        Campaign c = find(id);
        return CampaignView.of(c, RunCounts.now(runs, id), actual(c), pointCounts(c));
    }

    @Transactional
    public List<CampaignView> list() {
        Map<String, Map<RunState, Integer>> counts = runs.countsByCampaign();
        Map<String, Integer> busy = runs.busyWorkersByCampaign();
        return Campaign.<Campaign>listAll(Sort.descending("submittedAt")).stream()
                .map(c -> CampaignView.of(c, RunCounts.of(counts.getOrDefault(c.id, Map.of()),
                        busy.getOrDefault(c.id, 0)), null))
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
    public CampaignView cancel(String id, SecurityIdentity caller) {
        Campaign c = Campaign.lock(id).orElseThrow(() -> notFound(id));
        Ownership.requireOwnerOrAdmin(caller, c.submittedBy, "campaign " + id, "cancel");
        lifecycle.cancel(c);
        return CampaignView.of(c, RunCounts.now(runs, id), actual(c));
    }

    /** Gives the failed runs of a campaign a fresh retry budget and runs them again. */
    @Transactional
    public CampaignView retryFailed(String id, SecurityIdentity caller) {
        Campaign c = Campaign.lock(id).orElseThrow(() -> notFound(id));
        Ownership.requireOwnerOrAdmin(caller, c.submittedBy, "campaign " + id, "retry the failed runs of");
        lifecycle.retryFailed(c);
        return CampaignView.of(c, RunCounts.now(runs, id), null);
    }

    /** The campaign's points per state; null for a campaign without precision targets. */
    private PointCounts pointCounts(Campaign c) {
        return c.until == null ? null : PointCounts.of(points.counts(c.id));
    }

    /** The parameter points of a campaign with precision targets, in order; none for other campaigns. */
    @Transactional
    public List<PointView> points(String id) {
        Campaign c = find(id);
        return c.maxRepetitions == null ? List.of() : points.views(id, c.maxRepetitions);
    }

    /** What an ended campaign took; null while it runs. */
    private Actual actual(Campaign c) {
        return c.finishedAt == null ? null : estimator.actual(c);
    }

    private static Campaign find(String id) {
        Campaign c = Campaign.findById(id);
        if (c == null) {
            throw notFound(id);
        }
        return c;
    }

    /** The answer to a request naming a campaign that does not exist. */
    public static ApiException notFound(String id) {
        return ApiException.notFound("No campaign has the id '" + id + "'.");
    }

    /** The request's exit rules, checked: a rule without action or condition, or a bad glob, is a 400. */
    private static List<ExitRule> exitRules(List<ExitRule> rules) {
        if (rules == null || rules.isEmpty()) {
            return null;
        }
        for (int i = 0; i < rules.size(); i++) {
            String problem = rules.get(i) == null ? "is empty" : rules.get(i).problem();
            if (problem != null) {
                throw ApiException.badRequest("Exit rule " + (i + 1) + " " + problem + ".");
            }
        }
        return List.copyOf(rules);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
