package io.simswarm.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.RequestBody;
import io.simswarm.cli.http.Service;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simswarm run}: submit a campaign from a git checkout, follow it, and fetch its results. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Run a campaign: build the project at a commit, run every selected run of an ini configuration "
                + "on the cluster, and download the result files into ./results.",
            "",
            "Inside a git checkout, the checkout's repository and commit are used (commits that were never "
                + "pushed work too; uncommitted changes are not part of the campaign). Elsewhere, pass --repo. "
                + "Arguments after -- are passed to every run (e.g. -- --sim-time-limit=100s). "
                + "Exit code 0 only if every run succeeded.",
            "",
            "With --until, the repetitions are not fixed in advance: each parameter point (the iteration variables "
                + "without the repetition) gets repetitions until the 95%% confidence interval of every named scalar "
                + "is within its limit, or until --max-repetitions, e.g. --until 'queueingTime:mean ci95<=2%%'. The "
                + "progress line counts the points within target; 'simswarm status ID' shows each point's precision.",
            "",
            "While it follows the campaign, a service that goes away (a restart) is waited for, shown as "
                + "'reconnecting...' in the progress line, up to --reconnect-timeout. Ctrl-C asks whether to cancel "
                + "the campaign; otherwise it keeps running and 'simswarm watch ID' follows it again.",
            ""
        })
public class RunCommand implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Option(names = "-C", paramLabel = "DIR", defaultValue = ".",
            description = "Folder of the simulation inside a git checkout (default: the current folder).")
    Path directory;

    @Option(names = "--repo", paramLabel = "URL",
            description = "Git URL to build instead of the checkout (any host: https, ssh, file).")
    String repoUrl;

    @Option(names = "--commit", paramLabel = "REF", description = "Commit, branch or tag (default: HEAD).")
    String ref;

    @Option(names = "--workdir", paramLabel = "DIR",
            description = "Folder of the simulation inside the repository (default: from -C, or the root).")
    String workdir;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "CONFIG", description = "Ini configuration.")
    String config;

    @Option(names = {"-f", "--ini"}, paramLabel = "FILE", description = "Ini file (default: omnetpp.ini).")
    String iniFile;

    @Option(names = {"-r", "--filter"}, paramLabel = "FILTER",
            description = "Run filter: run numbers (0,3,5..9) or an expression ('$x>10 && $repetition<2').")
    String runFilter;

    @Option(names = {"-j", "--max-parallel"}, paramLabel = "N", description = "Most runs at the same time.")
    Integer maxParallel;

    @Option(names = "--retries", paramLabel = "N", description = "Attempts after a failed one, per run.")
    Integer retries;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time limit of one run.")
    Integer runTimeoutSeconds;

    @Option(names = "--cpus", paramLabel = "CPUS", description = "CPUs reserved per run.")
    Double cpusPerRun;

    @Option(names = "--memory-per-run", paramLabel = "SIZE",
            description = "Most memory one run may use, e.g. 512m or 4g (default 2g); a run above it is killed.")
    String memoryPerRun;

    @Option(names = "--on-exit", paramLabel = "RULE",
            description = "What a failed attempt leads to, overriding the defaults (a model error, OMNeT++'s "
                + "'<!> Error' with a non-zero exit, is not retried; other failures are, within --retries): "
                + "code=GLOB:ACTION, output=GLOB:ACTION or code=GLOB,output=GLOB:ACTION, ACTION retry or exit; "
                + "the output glob is matched against each line of the run's last output lines. Repeatable, first "
                + "match wins, e.g. --on-exit 'code=137:retry' --on-exit 'output=*<!> Error*:retry'.")
    List<String> exitRules = new ArrayList<>();

    @Option(names = "--until", paramLabel = "TARGET",
            description = "Repeat each parameter point until the 95%% confidence interval of scalar NAME is within "
                + "LIMIT (absolute, or %% of the mean): 'NAME ci95<=LIMIT', e.g. 'queueingTime:mean ci95<=2%%' or "
                + "'lifeTime:max ci95<=0.5'. Several --until combine with AND (at most 8). The scheduler sets the "
                + "repetitions, so a --repeat after -- is refused.")
    List<String> until = new ArrayList<>();

    @Option(names = "--max-repetitions", paramLabel = "N",
            description = "Most repetitions per point with --until (default 50), from 2 to 1000; a point that reaches "
                + "it without meeting its targets stops there.")
    Integer maxRepetitions;

    @Option(names = "--cluster", paramLabel = "NAME", description = "Cluster to run on (default: local).")
    String cluster;

    @Option(names = "--base-image", paramLabel = "IMAGE", description = "Image the project is built on.")
    String baseImage;

    @Option(names = "--build-command", paramLabel = "CMD", description = "Command that compiles the project.")
    String buildCommand;

    @Option(names = "--run-command", paramLabel = "CMD",
            description = "Simulation program and its fixed arguments (default fits INET: opp_run ...).")
    String runCommand;

    @Mixin
    FollowOptions follow;

    @Option(names = "--estimate", description = "Print what the campaign would take (runs, core-hours, wall time on "
            + "the cluster, cost at its on-demand and spot prices, from earlier runs of the same configuration) "
            + "and start nothing; when no earlier run is there to go on, run a sample of the campaign first "
            + "(--estimate-sample).")
    boolean estimate;

    @Option(names = "--estimate-sample", paramLabel = "N", defaultValue = "2",
            description = "With --estimate and no earlier runs of the configuration: run the first N runs of the "
                + "campaign as a sample first (default 2, at most 100; 0: no sample, the estimate says what it lacks).")
    int estimateSample;

    @Option(names = "--detach", description = "Submit, print the campaign id and return at once.")
    boolean detach;

    @Parameters(paramLabel = "SIM_ARGS", description = "Extra simulation arguments, after --.")
    List<String> simArgs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        checkLimits();
        RequestBody request = request();
        if (estimate) {
            return estimate(request);
        }
        CampaignFollower follower = new CampaignFollower(endpoints, follow, spec.commandLine().getOut(),
                spec.commandLine().getErr());
        String id = endpoints.client(Service.SCHEDULER).post("/campaigns", request.fields()).path("id").asText();
        if (detach) {
            spec.commandLine().getOut().println(id);
            spec.commandLine().getOut().flush();
            return 0;
        }
        return follower.follow(id);
    }

    /**
     * Prints the estimate; when the scheduler has no earlier run to go on, first runs a sample campaign of the first
     * {@code --estimate-sample} runs (not for {@code --until}, whose points decide their runs) and asks again.
     */
    private int estimate(RequestBody request) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonNode answer = endpoints.client(Service.SCHEDULER).post("/campaigns/estimate", request.fields());
        if (EstimateText.withoutHistory(answer) && estimateSample > 0 && until.isEmpty()) {
            String id = endpoints.client(Service.SCHEDULER).post("/campaigns",
                    request.put("sampleRuns", estimateSample).fields()).path("id").asText();
            err.printf("No earlier run of this configuration to estimate from: running the first %d run%s as a sample"
                    + " first, campaign %s (--estimate-sample 0 skips it).%n", estimateSample,
                    estimateSample == 1 ? "" : "s", id);
            err.flush();
            follow.noDownload = true;
            follow.summaryGlob = null;
            int code = new CampaignFollower(endpoints, follow, out, err).follow(id);
            if (code != 0) {
                err.println("The sample campaign " + id + " did not succeed, so there is no estimate; see: simswarm"
                        + " status " + id);
                err.flush();
                return code;
            }
            request.fields().remove("sampleRuns");
            answer = endpoints.client(Service.SCHEDULER).post("/campaigns/estimate", request.fields());
        }
        EstimateText.lines(answer).forEach(line -> out.printf("%-11s%s%n", line[0], line[1]));
        out.flush();
        return 0;
    }

    /** The numbers, the run filter, the exit rules and the targets, before anything is asked of git or a service. */
    private void checkLimits() {
        CampaignLimits.maxParallel(maxParallel);
        CampaignLimits.retries(retries);
        CampaignLimits.timeout(runTimeoutSeconds);
        CampaignLimits.cpus(cpusPerRun);
        CampaignLimits.memory(memoryPerRun);
        CampaignLimits.runFilter(runFilter);
        exitRules.forEach(ExitRuleOption::parse);
        PrecisionTarget.parseAll(until);
        CampaignLimits.maxRepetitions(maxRepetitions, !until.isEmpty());
        CampaignLimits.repeatWithUntil(simArgs, !until.isEmpty());
        CampaignLimits.estimateSample(estimateSample);
    }

    private RequestBody request() {
        RequestBody request = new RequestBody();
        if (repoUrl != null) {
            request.put("repoUrl", repoUrl).putIfSet("ref", ref).putIfSet("workdir", workdir);
        } else {
            GitCheckout checkout = GitCheckout.of(directory, ref);
            if (checkout.dirty()) {
                PrintWriter err = spec.commandLine().getErr();
                err.printf("note: uncommitted changes in %s are not part of the campaign (it runs commit %s)%n",
                        checkout.topLevel(), checkout.commit().substring(0, 12));
                err.flush();
            }
            request.put("repoUrl", checkout.repoUrl()).put("ref", checkout.commit())
                    .put("workdir", workdir != null ? workdir : checkout.workdir());
        }
        return request.put("config", config)
                .putIfSet("cluster", cluster)
                .putIfSet("iniFile", iniFile)
                .putIfSet("runFilter", runFilter)
                .putIfSet("simArgs", simArgs.isEmpty() ? null : ShellQuoting.join(simArgs))
                .putIfSet("baseImage", baseImage)
                .putIfSet("buildCommand", buildCommand)
                .putIfSet("runCommand", runCommand)
                .putIfSet("maxParallel", maxParallel)
                .putIfSet("retries", retries)
                .putIfSet("runTimeoutSeconds", runTimeoutSeconds)
                .putIfSet("cpusPerRun", cpusPerRun)
                .putIfSet("memoryPerRun", memoryPerRun)
                .putIfSet("exitRules", exitRules.isEmpty() ? null
                        : exitRules.stream().map(ExitRuleOption::parse).toList())
                .putIfSet("until", until.isEmpty() ? null : until)
                .putIfSet("maxRepetitions", maxRepetitions);
    }
}
