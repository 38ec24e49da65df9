package io.simswarm.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the runner built by this module on the host, with exactly the environment given. */
final class RunnerProcess {

    private static final long MAX_MINUTES = 10;
    private static Path binary;

    /** How a runner process ended. */
    record Result(int exitCode, String stdout, String stderr) {

        List<String> stderrLines() {
            return stderr.lines().toList();
        }
    }

    /** A started runner whose output goes to files. */
    record Started(Process process, Path stdout, Path stderr) {

        /** The lines the runner has written to stderr so far. */
        List<String> stderrLinesSoFar() {
            try {
                return Files.readString(stderr, StandardCharsets.UTF_8).lines().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Result await() {
            try {
                if (!process.waitFor(MAX_MINUTES, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new AssertionError("the runner did not end within " + MAX_MINUTES + " minutes");
                }
                Result result = new Result(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
                QueueingExample.deleteTree(stdout.getParent());
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private RunnerProcess() {
    }

    /** The executable, installed once per test JVM from the classpath with {@link RunnerBinary}. */
    static synchronized Path binary() {
        if (binary == null) {
            try {
                binary = RunnerBinary.copyTo(TestPaths.work().resolve("bin").resolve(RunnerBinary.FILE_NAME));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return binary;
    }

    static Result run(Path workdir, Map<String, String> env, String... args) {
        return start(workdir, env, args).await();
    }

    static Started start(Path workdir, Map<String, String> env, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(List.of(args));
        try {
            Path logs = Files.createTempDirectory(TestPaths.work(), "runner-output");
            Path stdout = logs.resolve("stdout");
            Path stderr = logs.resolve("stderr");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workdir.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().clear();
            builder.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
            builder.environment().putAll(env);
            return new Started(builder.start(), stdout, stderr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
