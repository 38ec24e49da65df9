package io.simswarm.imagebuild.job;

import io.quarkus.logging.Log;
import io.simswarm.imagebuild.cache.ImageClaims;
import io.simswarm.imagebuild.config.BuildConfig;
import io.simswarm.imagebuild.docker.BuildContext;
import io.simswarm.imagebuild.docker.Dockerfile;
import io.simswarm.imagebuild.docker.ImageBuilder;
import io.simswarm.imagebuild.docker.ImageLabels;
import io.simswarm.imagebuild.docker.RunnerFile;
import io.simswarm.imagebuild.git.Checkout;
import io.simswarm.imagebuild.git.GitSource;
import io.simswarm.imagebuild.git.ResolvedRef;
import io.simswarm.imagebuild.log.BuildLogWriter;
import io.simswarm.imagebuild.log.BuildLogs;
import io.simswarm.imagebuild.log.LogSink;
import io.simswarm.imagebuild.queue.Claim;
import io.simswarm.imagebuild.queue.ClaimLost;
import io.simswarm.imagebuild.spec.BuildKeys;
import io.simswarm.imagebuild.spec.BuildSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Works on one claimed build: checks the engine and base image, resolves the ref to a commit, reuses the image
 * when the engine already has it, otherwise makes sure only one build makes it (see {@link ImageClaims}), checks
 * the commit out, builds the image and pushes it when a registry was named.
 */
@ApplicationScoped
public class BuildJob {

    private static final Duration FOLLOW_POLL = Duration.ofMillis(300);

    private final BuildLifecycle lifecycle;
    private final BuildLogs logs;
    private final GitSource git;
    private final ImageBuilder images;
    private final ImageClaims claims;
    private final RunnerFile runner;
    private final BuildConfig config;

    public BuildJob(BuildLifecycle lifecycle, BuildLogs logs, GitSource git, ImageBuilder images, ImageClaims claims,
            RunnerFile runner, BuildConfig config) {
        this.lifecycle = lifecycle;
        this.logs = logs;
        this.git = git;
        this.images = images;
        this.claims = claims;
        this.runner = runner;
        this.config = config;
    }

    public void run(Claim claim) {
        Optional<Build> loaded = lifecycle.load(claim);
        if (loaded.isEmpty()) {
            return;
        }
        Build build = loaded.get();
        BuildOutcome outcome;
        try (BuildLogWriter log = logs.open(build.id)) {
            outcome = outcome(claim, build, log);
        }
        try {
            lifecycle.finish(claim, outcome);
            Log.infof("build %s %s%s", build.id, outcome.succeeded() ? "succeeded: " + outcome.image() : "failed",
                    outcome.cached() ? " (cached)" : "");
        } catch (ClaimLost e) {
            Log.infof("build %s was taken over by another worker; its outcome here is dropped", build.id);
        }
    }

    private BuildOutcome outcome(Claim claim, Build build, LogSink log) {
        try {
            return execute(claim, build.id, build.spec(), log);
        } catch (BuildFailure e) {
            log.line("FAILED: " + e.getMessage());
            return BuildOutcome.failure(e.getMessage());
        } catch (ClaimLost e) {
            throw e;
        } catch (RuntimeException e) {
            Log.errorf(e, "build %s failed unexpectedly", build.id);
            log.line("FAILED: the build service failed unexpectedly"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            return BuildOutcome.failure("The build service failed unexpectedly; its log has the details under build "
                    + build.id);
        }
    }

    private BuildOutcome execute(Claim claim, java.util.UUID buildId, BuildSpec spec, LogSink log) {
        log.line("build " + buildId + ": " + spec.repoUrl() + " at " + spec.refForHumans() + ", workdir "
                + spec.workdir() + ", base image " + spec.baseImage() + ", engine " + spec.dockerHost()
                + (spec.dockerTls() ? " with the client certificates of cluster '" + spec.cluster() + "'" : ""));
        String baseImageId = images.baseImageId(spec.engine(), spec.baseImage());
        ResolvedRef resolved = git.resolve(spec.repoUrl(), spec.ref(), log);
        Checkout checkout = null;
        try {
            if (resolved.commit() == null) {
                checkout = git.checkout(spec.repoUrl(), spec.ref(), resolved, log);
            }
            String commit = checkout != null ? checkout.commit() : resolved.commit();
            BuildKeys keys = BuildKeys.of(spec, baseImageId, runner.digest(), commit);
            String image = config.imageRepository() + ":" + keys.tag();
            lifecycle.resolved(claim, commit, keys);
            log.line("commit " + commit + " → image " + image);
            while (true) {
                if (images.hasImage(spec.engine(), image, keys.specHash())) {
                    log.line("the engine has " + image + " already; reusing it");
                    return ready(spec, image, baseImageId, true, log);
                }
                ImageClaims.Decision decision = claims.acquire(keys.cacheKey(), spec.dockerHost(), buildId,
                        config.queue().staleAfter());
                if (decision instanceof ImageClaims.Follow follow) {
                    lifecycle.building(claim);
                    Optional<BuildOutcome> followed = follow(follow, spec, image, keys, log);
                    if (followed.isPresent()) {
                        return followed.get();
                    }
                    continue;
                }
                if (images.hasImage(spec.engine(), image, keys.specHash())) {
                    continue;
                }
                lifecycle.building(claim);
                if (checkout == null) {
                    checkout = git.checkout(spec.repoUrl(), spec.ref(), resolved, log);
                }
                buildImage(buildId, spec, checkout, image, keys, log);
                return ready(spec, image, baseImageId, false, log);
            }
        } finally {
            if (checkout != null) {
                checkout.close();
            }
        }
    }

    private void buildImage(java.util.UUID buildId, BuildSpec spec, Checkout checkout, String image, BuildKeys keys,
            LogSink log) {
        if (!".".equals(spec.workdir()) && !Files.isDirectory(checkout.dir().resolve(spec.workdir()))) {
            throw new BuildFailure("The workdir '" + spec.workdir() + "' does not exist in " + spec.repoUrl()
                    + " at commit " + checkout.commit());
        }
        BuildContext context = new BuildContext(Dockerfile.render(spec, true), checkout.dir(), runner.path());
        log.line("docker: building " + image + " on " + spec.dockerHost());
        images.build(spec.engine(), context, image, Map.of(
                ImageLabels.REPO, spec.repoUrl(),
                ImageLabels.COMMIT, checkout.commit(),
                ImageLabels.REF, spec.ref() == null ? "" : spec.ref(),
                ImageLabels.SPEC_HASH, keys.specHash(),
                ImageLabels.BUILD_ID, buildId.toString()), log);
    }

    /** Waits for the build that makes the same image; empty means: decide again (it stopped or lost the image). */
    private Optional<BuildOutcome> follow(ImageClaims.Follow follow, BuildSpec spec, String image, BuildKeys keys,
            LogSink log) {
        log.line("build " + follow.owner() + " is making the same image; waiting for it");
        Instant deadline = Instant.now().plus(config.timeout());
        while (Instant.now().isBefore(deadline)) {
            Optional<BuildLifecycle.Peek> owner = lifecycle.peek(follow.owner(), config.queue().staleAfter());
            if (owner.isEmpty() || owner.get().status() == BuildStatus.SUCCEEDED) {
                return Optional.empty();
            }
            if (owner.get().status() == BuildStatus.FAILED) {
                if (images.hasImage(spec.engine(), image, keys.specHash())) {
                    return Optional.empty();
                }
                throw new BuildFailure("The identical build " + follow.owner() + " failed: " + owner.get().error());
            }
            if (owner.get().stale()) {
                log.line("build " + follow.owner() + " stopped sending heartbeats; taking over");
                return Optional.empty();
            }
            sleep(FOLLOW_POLL);
        }
        throw new BuildFailure("Waited longer than " + config.timeout() + " for the identical build " + follow.owner());
    }

    private BuildOutcome ready(BuildSpec spec, String image, String baseImageId, boolean cached, LogSink log) {
        String reference = image;
        if (spec.registry() != null) {
            reference = images.push(spec.engine(), image, spec.registry(), log);
        }
        String digest = images.digest(spec.engine(), reference);
        log.line((cached ? "reused " : "built ") + reference + " (" + digest + ", base image " + baseImageId
                + "); the runs' working directory is " + spec.imageWorkdir());
        return BuildOutcome.success(reference, digest, baseImageId, spec.imageWorkdir(), cached);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildFailure("The build was interrupted while waiting for an identical build", e);
        }
    }
}
