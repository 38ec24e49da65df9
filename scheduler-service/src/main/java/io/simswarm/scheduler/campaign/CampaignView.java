package io.simswarm.scheduler.campaign;

import java.time.Duration;
import java.time.Instant;

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
        String buildId,
        String image,
        RunCounts runs,
        Instant submittedAt,
        Instant buildFinishedAt,
        Instant startedAt,
        Instant finishedAt,
        Long durationMs,
        String error) {

    public static CampaignView of(Campaign c, RunCounts runs) {
        Long duration = c.finishedAt == null ? null : Duration.between(c.submittedAt, c.finishedAt).toMillis();
        return new CampaignView(c.id, c.status, c.cluster, c.repoUrl, c.ref, c.commit, c.workdir, c.iniFile,
                c.config, c.runFilter, c.simArgs, c.baseImage, c.buildCommand, c.runCommand, c.maxParallel, c.retries,
                c.runTimeoutSeconds, c.cpusPerRun, c.buildId, c.image, runs, c.submittedAt, c.buildFinishedAt,
                c.startedAt, c.finishedAt, duration, c.error);
    }
}
