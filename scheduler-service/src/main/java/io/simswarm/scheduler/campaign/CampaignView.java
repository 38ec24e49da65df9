package io.simswarm.scheduler.campaign;

import java.time.Duration;
import java.time.Instant;
import io.simswarm.scheduler.point.PointCounts;
import io.simswarm.scheduler.run.ExitRule;
import java.util.List;

/** A campaign as the API shows it. */
public record CampaignView(
        String id,
        CampaignStatus status,
        String cluster,
        String repoUrl,
        String ref,
        String commit,
        String workdir,
        String iniFile,
        String config,
        String runFilter,
        String simArgs,
        String baseImage,
        String buildCommand,
        String runCommand,
        int maxParallel,
        int retries,
        int runTimeoutSeconds,
        double cpusPerRun,
        String memoryPerRun,
        List<ExitRule> exitRules,
        String buildId,
        String image,
        String imageDigest,
        String baseImageDigest,
        String simulatorVersion,
        RunCounts runs,
        Instant submittedAt,
        Instant buildFinishedAt,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        String error,
        String owner,
        Estimate estimate,
        Actual actual,
        List<String> until,
        Integer maxRepetitions,
        PointCounts points,
        Integer sampleRuns) {

    /** The campaign with its run counts and, once it ended, what it took ({@code actual}, else null). */
    public static CampaignView of(Campaign c, RunCounts runs, Actual actual) {
        return of(c, runs, actual, null);
    }

    /**
     * The campaign with its run counts, what it took once it ended ({@code actual}, else null) and, with precision
     * targets, its points per state ({@code points}, else null).
     */
    public static CampaignView of(Campaign c, RunCounts runs, Actual actual, PointCounts points) {
        Long duration = c.finishedAt == null ? null : Duration.between(c.submittedAt, c.finishedAt).toMillis();
        return new CampaignView(c.id, c.status, c.cluster, c.repoUrl, c.ref, c.commit, c.workdir, c.iniFile,
                c.config, c.runFilter, c.simArgs, c.baseImage, c.buildCommand, c.runCommand, c.maxParallel, c.retries,
                c.runTimeoutSeconds, c.cpusPerRun, MemorySize.format(c.memoryPerRun),
                c.exitRules == null ? List.of() : c.exitRules, c.buildId, c.image, c.imageDigest, c.baseImageDigest, c.simulatorVersion, runs,
                c.submittedAt,
                c.buildFinishedAt, c.startedAt, c.finishedAt, duration, c.error, c.submittedBy, c.estimate, actual,
                c.until, c.maxRepetitions, points, c.sampleRuns);
    }
}
