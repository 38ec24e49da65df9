package io.simswarm.imagebuild.support;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Image;
import io.simswarm.imagebuild.docker.ImageLabels;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Docker helpers for tests: find and remove the images a test's repository produced, run a command in an image. */
public final class Images {

    /** What a container printed and how it ended. */
    public record Run(int exitCode, String output) {
    }

    private final DockerClient docker;

    public Images(DockerClient docker) {
        this.docker = docker;
    }

    /** Images built from {@code repoUrl} (by the label every build carries). */
    public List<Image> builtFrom(String repoUrl) {
        return docker.listImagesCmd().withLabelFilter(Map.of(ImageLabels.REPO, repoUrl)).exec();
    }

    /** Removes the images built from {@code repoUrl}, with every tag they have. */
    public void removeBuiltFrom(String repoUrl) {
        for (Image image : builtFrom(repoUrl)) {
            try {
                docker.removeImageCmd(image.getId()).withForce(true).exec();
            } catch (NotFoundException e) {
                // already gone
            }
        }
    }

    public void remove(String reference) {
        try {
            docker.removeImageCmd(reference).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        }
    }

    public boolean exists(String reference) {
        try {
            docker.inspectImageCmd(reference).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    public Map<String, String> labels(String reference) {
        return docker.inspectImageCmd(reference).exec().getConfig().getLabels();
    }

    /** The engine's id of the image ({@code sha256:…}, the digest of its configuration). */
    public String id(String reference) {
        return docker.inspectImageCmd(reference).exec().getId();
    }

    public String workingDir(String reference) {
        return docker.inspectImageCmd(reference).exec().getConfig().getWorkingDir();
    }

    /** Runs {@code command} in a container of {@code image} on the host network, with {@code env}. */
    public Run run(String image, List<String> env, String... command) throws InterruptedException {
        String id = docker.createContainerCmd(image)
                .withCmd(command)
                .withEnv(env)
                .withHostConfig(HostConfig.newHostConfig().withNetworkMode("host"))
                .withLabels(Map.of("io.simswarm.test", "build-service"))
                .exec().getId();
        try {
            docker.startContainerCmd(id).exec();
            int exit = docker.waitContainerCmd(id).exec(new WaitContainerResultCallback())
                    .awaitStatusCode(5, TimeUnit.MINUTES);
            StringBuilder output = new StringBuilder();
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    output.append(new String(frame.getPayload()));
                }
            }).awaitCompletion(1, TimeUnit.MINUTES);
            return new Run(exit, output.toString());
        } finally {
            docker.removeContainerCmd(id).withForce(true).exec();
        }
    }
}
