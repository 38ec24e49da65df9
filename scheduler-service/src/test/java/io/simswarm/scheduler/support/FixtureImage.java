package io.simswarm.scheduler.support;

import io.simswarm.runner.RunnerBinary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The image the tests' campaigns run in, built here the way the build service builds one: the toolchain base
 * image, {@code examples/queueing} compiled in {@code /opt/queueing}, and the runner at
 * {@code /opt/simswarm/bin/simswarm-runner}. Docker's layer cache makes rebuilding it cheap.
 */
public final class FixtureImage {

    public static final String TAG = "simswarm-test/scheduler-queueing:fixture";
    /** The same project without the runner: worker tasks cannot start in it. */
    public static final String WITHOUT_RUNNER = "simswarm-test/scheduler-queueing:no-runner";
    public static final String WORKDIR = "/opt/queueing";

    private FixtureImage() {
    }

    /** Builds both images (if their layers are not cached yet) and returns the tag of the one with the runner. */
    public static synchronized String build() {
        try {
            Path context = Files.createTempDirectory("simswarm-fixture-");
            Path example = Path.of("..", "examples", "queueing").toAbsolutePath().normalize();
            Path sources = Files.createDirectories(context.resolve("queueing"));
            copyTree(example.resolve("src"), sources.resolve("src"));
            Files.copy(example.resolve("Makefile"), sources.resolve("Makefile"));
            Files.copy(example.resolve("omnetpp.ini"), sources.resolve("omnetpp.ini"));
            String project = String.join("\n",
                    "FROM simswarm/toolchain:bookworm",
                    "LABEL io.simswarm.test=scheduler-service",
                    "COPY queueing " + WORKDIR,
                    "RUN make -C " + WORKDIR + " -j2 queueing",
                    "");
            Files.writeString(context.resolve("Dockerfile"), project);
            docker(context, List.of("docker", "build", "-q", "-t", WITHOUT_RUNNER, "."));
            Files.writeString(context.resolve("Dockerfile"), project + runnerLayer(context));
            docker(context, List.of("docker", "build", "-q", "-t", TAG, "."));
            return TAG;
        } catch (IOException e) {
            throw new IllegalStateException("cannot build the fixture image", e);
        }
    }

    private static String runnerLayer(Path context) throws IOException {
        RunnerBinary.copyTo(context.resolve(RunnerBinary.FILE_NAME));
        return "COPY " + RunnerBinary.FILE_NAME + " " + RunnerBinary.IMAGE_PATH + "\n";
    }

    private static void docker(Path dir, List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the fixture image", e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
