package io.simswarm.cli.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.simswarm.cli.CliException;
import io.simswarm.cli.http.ApiClient;
import io.simswarm.cli.http.Endpoints;
import io.simswarm.cli.http.RequestBody;
import io.simswarm.cli.http.Service;
import io.simswarm.cli.results.ResultsDownload;
import io.simswarm.cli.results.ScalarQuery;
import io.simswarm.cli.text.Durations;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import sun.misc.Signal;

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

    @Option(names = "--cluster", paramLabel = "NAME", description = "Cluster to run on (default: local).")
    String cluster;

    @Option(names = "--base-image", paramLabel = "IMAGE", description = "Image the project is built on.")
    String baseImage;

    @Option(names = "--build-command", paramLabel = "CMD", description = "Command that compiles the project.")
    String buildCommand;

    @Option(names = "--run-command", paramLabel = "CMD",
            description = "Simulation program and its fixed arguments (default fits INET: opp_run ...).")
    String runCommand;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "results",
            description = "Where the result files go (default: ./results).")
    Path output;

    @Option(names = "--summary", paramLabel = "NAME_GLOB",
            description = "At the end, print the scalars matching NAME_GLOB aggregated over repetitions.")
    String summaryGlob;

    @Option(names = "--no-download", description = "Do not download the result files at the end.")
    boolean noDownload;

    @Option(names = "--detach", description = "Submit, print the campaign id and return at once.")
    boolean detach;

    @Option(names = "--poll", paramLabel = "SECONDS", defaultValue = "1", hidden = true)
    double pollSeconds;

    @Parameters(paramLabel = "SIM_ARGS", description = "Extra simulation arguments, after --.")
    List<String> simArgs = new ArrayList<>();

    private final PrintStream out = System.out;
    private final PrintStream err = System.err;

    @Override
    public Integer call() throws InterruptedException {
        RequestBody request = request();
        ApiClient scheduler = endpoints.client(Service.SCHEDULER);
        Instant submittedAt = Instant.now();
        String id = scheduler.post("/campaigns", request.fields()).path("id").asText();
        if (detach) {
            out.println(id);
            return 0;
        }
        Object at = request.get("ref") != null ? request.get("ref") : "the default branch";
        out.printf("campaign %s: config %s of %s at %s%n", id, config, request.get("repoUrl"), at);
        CampaignView campaign = follow(scheduler, id, submittedAt);
        return finish(campaign, submittedAt);
    }

    private RequestBody request() {
        RequestBody request = new RequestBody();
        if (repoUrl != null) {
            request.put("repoUrl", repoUrl).putIfSet("ref", ref).putIfSet("workdir", workdir);
        } else {
            GitCheckout checkout = GitCheckout.of(directory, ref);
            if (checkout.dirty()) {
                err.printf("note: uncommitted changes in %s are not part of the campaign (it runs commit %s)%n",
                        checkout.topLevel(), checkout.commit().substring(0, 12));
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
                .putIfSet("cpusPerRun", cpusPerRun);
    }

    private CampaignView follow(ApiClient scheduler, String id, Instant submittedAt) throws InterruptedException {
        AtomicBoolean interrupted = new AtomicBoolean();
        Signal.handle(new Signal("INT"), signal -> interrupted.set(true));
        CampaignProgress progress = new CampaignProgress(out, System.console() != null, submittedAt);
        while (true) {
            CampaignView campaign = CampaignView.of(scheduler.get("/campaigns/" + id));
            progress.show(campaign, Instant.now());
            if (campaign.terminal()) {
                progress.finish();
                return campaign;
            }
            if (interrupted.getAndSet(false)) {
                progress.finish();
                if (askToCancel(id)) {
                    scheduler.post("/campaigns/" + id + "/cancel", null);
                    err.printf("campaign %s cancelled%n", id);
                    throw new CliException("cancelled by the user", 130);
                }
                if (System.console() == null) {
                    throw new CliException("stopped following campaign " + id + "; it keeps running: "
                            + "simswarm status " + id, 130);
                }
                out.println("continuing; the campaign keeps running either way (simswarm status " + id + ")");
            }
            Thread.sleep((long) (pollSeconds * 1000));
        }
    }

    private boolean askToCancel(String id) {
        if (System.console() == null) {
            return false;
        }
        String answer = System.console().readLine("Cancel campaign %s? [y/N] ", id);
        return answer != null && answer.trim().toLowerCase().startsWith("y");
    }

    private int finish(CampaignView campaign, Instant submittedAt) {
        String took = Durations.clock(Duration.between(submittedAt, Instant.now()));
        out.printf("campaign %s %s: %d of %d runs succeeded, %d failed, in %s%n", campaign.id(),
                campaign.status(), campaign.succeeded(), campaign.total(), campaign.failed(), took);
        if (campaign.error() != null) {
            out.println("error: " + campaign.error());
        }
        if (!noDownload && campaign.succeeded() > 0) {
            int files = ResultsDownload.into(endpoints.client(Service.RESULTS), campaign.id(), output);
            out.printf("%d result files in %s%n", files, output);
        }
        if (campaign.succeeded() > 0) {
            printSummary(campaign.id());
        }
        if (campaign.failed() > 0) {
            printFailedRuns(campaign.id());
        }
        boolean allSucceeded = "SUCCEEDED".equals(campaign.status()) && campaign.failed() == 0;
        return allSucceeded ? 0 : 1;
    }

    private void printSummary(String id) {
        if (summaryGlob == null) {
            out.printf("aggregated scalars: simswarm results %s --aggregate%n", id);
            return;
        }
        out.printf("%nscalars '%s', aggregated over repetitions:%n", summaryGlob);
        out.print(new ScalarQuery(id, summaryGlob, null, true).table(endpoints.client(Service.RESULTS)));
    }

    private void printFailedRuns(String id) {
        JsonNode runs = endpoints.client(Service.SCHEDULER).get("/campaigns/" + id + "/runs");
        for (JsonNode run : runs) {
            if ("FAILED".equals(run.path("state").asText())) {
                String error = run.path("error").asText("");
                String last = error.isBlank() ? "" : ": " + error.strip().lines().reduce((a, b) -> b).orElse("");
                out.printf("  run %d failed after %d attempts, exit code %s%s%n", run.path("runNumber").asInt(),
                        run.path("attempts").asInt(), run.path("exitCode").asText("-"), last);
            }
        }
        out.printf("logs of a run: simswarm logs %s RUN%n", id);
    }
}
