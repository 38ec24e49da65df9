package io.simswarm.imagebuild.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import com.github.dockerjava.api.model.PushResponseItem;
import io.quarkus.logging.Log;
import io.simswarm.docker.DockerErrors;
import io.simswarm.imagebuild.config.BuildConfig;
import io.simswarm.imagebuild.job.BuildFailure;
import io.simswarm.imagebuild.log.LogSink;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/** Builds, inspects, tags and pushes images on a Docker engine. */
@ApplicationScoped
public class ImageBuilder {

    /** Lines of the log a failed build command reports in its error. */
    public static final int ERROR_TAIL_LINES = 50;

    private static final Pattern ANSI_COLOUR = Pattern.compile("\u001B\\[[0-9;]*m");

    private final DockerEngines engines;
    private final BuildConfig config;

    public ImageBuilder(DockerEngines engines, BuildConfig config) {
        this.engines = engines;
        this.config = config;
    }

    /**
     * The id of {@code baseImage} on the engine at {@code engine}.
     *
     * @throws BuildFailure when the engine does not answer or has no such image
     */
    public String baseImageId(EngineTarget engine, String baseImage) {
        DockerClient docker = engines.reachable(engine);
        try {
            return docker.inspectImageCmd(baseImage).exec().getId();
        } catch (NotFoundException e) {
            throw new BuildFailure("The base image " + baseImage + " is not present on the Docker engine at " + engine
                    + " (no image is pulled for a build: build it there first, e.g. with deploy/images/toolchain.sh,"
                    + " or name another baseImage)", e);
        }
    }

    /** True when {@code image} exists on the engine and was built for {@code specHash}. */
    public boolean hasImage(EngineTarget engine, String image, String specHash) {
        return inspect(engine, image)
                .map(found -> found.getConfig() != null && found.getConfig().getLabels() != null
                        && specHash.equals(found.getConfig().getLabels().get(ImageLabels.SPEC_HASH)))
                .orElse(false);
    }

    public Optional<InspectImageResponse> inspect(EngineTarget engine, String image) {
        try {
            return Optional.of(engines.reachable(engine).inspectImageCmd(image).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * The content digest of {@code reference} ({@code sha256:…}): the manifest digest the registry gave it when the
     * reference names a pushed image (the engine lists it among the image's repo digests), else the engine's image id,
     * the digest of the image's configuration.
     *
     * @throws BuildFailure when the engine no longer has the image
     */
    public String digest(EngineTarget engine, String reference) {
        InspectImageResponse found = inspect(engine, reference).orElseThrow(() -> new BuildFailure("The image "
                + reference + " disappeared from the Docker engine at " + engine + " before the build ended"));
        String repository = ImageRef.parse(reference).repository();
        List<String> repoDigests = found.getRepoDigests() == null ? List.of() : found.getRepoDigests();
        return repoDigests.stream()
                .filter(named -> named.startsWith(repository + "@"))
                .map(named -> named.substring(repository.length() + 1))
                .findFirst()
                .orElse(found.getId());
    }

    /**
     * Builds {@code context} into an image tagged {@code image}, writing Docker's output to {@code log}.
     *
     * @throws BuildFailure when a build step fails (with the log's last lines) or the engine fails
     */
    public void build(EngineTarget engine, BuildContext context, String image, Map<String, String> labels,
            LogSink log) {
        DockerClient docker = engines.reachable(engine);
        BuildOutput output = new BuildOutput(log);
        AtomicReference<IOException> contextFailure = new AtomicReference<>();
        try (PipedInputStream in = new PipedInputStream(1 << 16); PipedOutputStream out = new PipedOutputStream(in)) {
            Thread writer = new Thread(() -> writeContext(context, out, contextFailure), "build-context-" + image);
            writer.setDaemon(true);
            writer.start();
            docker.buildImageCmd(in)
                    .withTags(Set.of(image))
                    .withLabels(labels)
                    .withPull(false)
                    .withRemove(true)
                    .withForcerm(true)
                    .withNetworkMode("none")
                    .withMemory(config.memory().asLongValue())
                    .withMemswap(config.memory().asLongValue())
                    .exec(output);
            if (!output.awaitCompletion(config.timeout().toSeconds(), TimeUnit.SECONDS)) {
                output.close();
                throw new BuildFailure("The image build took longer than " + config.timeout() + " and was stopped");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildFailure("The image build was interrupted", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BuildFailure failure) {
                throw failure;
            }
            throw new BuildFailure("The Docker engine at " + engine + " failed during the build: "
                    + DockerErrors.innermostMessage(e), e);
        }
        if (output.error() != null) {
            throw new BuildFailure("The build failed: " + output.error().strip() + "\nLast "
                    + ERROR_TAIL_LINES + " lines of the build log:\n" + String.join("\n", log.tail(ERROR_TAIL_LINES)));
        }
        if (contextFailure.get() != null) {
            throw new BuildFailure("Could not send the project to the Docker engine: " + contextFailure.get().getMessage());
        }
    }

    /**
     * Tags {@code image} as {@code registry/<image>} and pushes it.
     *
     * @return the registry-qualified reference
     */
    public String push(EngineTarget engine, String image, String registry, LogSink log) {
        DockerClient docker = engines.reachable(engine);
        ImageRef local = ImageRef.parse(image);
        String repository = registry + "/" + local.repository();
        docker.tagImageCmd(image, repository, local.tag()).exec();
        String remote = repository + ":" + local.tag();
        log.line("push: " + remote);
        PushOutput output = new PushOutput(log);
        try {
            docker.pushImageCmd(repository).withTag(local.tag()).exec(output);
            if (!output.awaitCompletion(config.timeout().toSeconds(), TimeUnit.SECONDS)) {
                output.close();
                throw new BuildFailure("Pushing " + remote + " took longer than " + config.timeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BuildFailure("Pushing " + remote + " was interrupted", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof BuildFailure failure) {
                throw failure;
            }
            throw new BuildFailure("Could not push " + remote + " to the registry " + registry + ": "
                    + DockerErrors.innermostMessage(e), e);
        }
        if (output.error() != null) {
            throw new BuildFailure("Could not push " + remote + " to the registry " + registry + ": " + output.error());
        }
        return remote;
    }

    private static void writeContext(BuildContext context, PipedOutputStream out, AtomicReference<IOException> failure) {
        try (out) {
            context.writeTo(out);
        } catch (IOException e) {
            // The engine stops reading when a step fails; only a failure before that is worth reporting.
            Log.debugf(e, "writing the build context stopped");
            failure.compareAndSet(null, e);
        }
    }

    /** Copies Docker's build output into the log and remembers the error it reports. */
    private static final class BuildOutput extends ResultCallback.Adapter<BuildResponseItem> {

        private final LogSink log;
        private volatile String error;

        BuildOutput(LogSink log) {
            this.log = log;
        }

        @Override
        public void onNext(BuildResponseItem item) {
            if (item.getStream() != null && !item.getStream().isEmpty()) {
                // The engine colours the build command's stderr; the log is plain text.
                String text = ANSI_COLOUR.matcher(item.getStream()).replaceAll("");
                if (!text.isEmpty()) {
                    log.line(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
                }
            }
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
                log.line("error: " + error);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (error == null && !(throwable instanceof DockerClientException)) {
                error = DockerErrors.innermostMessage(throwable);
            } else if (error == null) {
                error = throwable.getMessage();
            }
            super.onError(throwable);
        }

        String error() {
            return error;
        }
    }

    /** Logs the end state of each pushed layer and remembers the error the registry reports. */
    private static final class PushOutput extends ResultCallback.Adapter<PushResponseItem> {

        private final LogSink log;
        private volatile String error;

        PushOutput(LogSink log) {
            this.log = log;
        }

        @Override
        public void onNext(PushResponseItem item) {
            if (item.isErrorIndicated()) {
                error = item.getErrorDetail() != null && item.getErrorDetail().getMessage() != null
                        ? item.getErrorDetail().getMessage() : item.getError();
                log.line("push error: " + error);
            } else if (item.getStatus() != null && item.getProgressDetail() == null) {
                log.line("push: " + (item.getId() != null ? item.getId() + ": " : "") + item.getStatus());
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (error == null) {
                error = DockerErrors.innermostMessage(throwable);
            }
            super.onError(throwable);
        }

        String error() {
            return error;
        }
    }
}
