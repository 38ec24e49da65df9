package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs commands, to their end or in the background, and keeps what they printed. */
final class Processes {

    /** Exit code and output of a finished command. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private Processes() {
    }

    /** A command started in the background, whose output can be read while it runs. */
    static final class Running {

        private final List<String> command;
        private final Process process;
        private final Path out;
        private final Path err;

        private Running(List<String> command, Process process, Path out, Path err) {
            this.command = command;
            this.process = process;
            this.out = out;
            this.err = err;
        }

        /** What it printed on stdout so far. */
        String stdout() throws IOException {
            return Files.readString(out, StandardCharsets.UTF_8);
        }

        /** Waits for its end and returns what it printed; kills it after {@code timeoutSeconds}. */
        Result await(long timeoutSeconds) throws IOException, InterruptedException {
            try {
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError(command + " did not end in " + timeoutSeconds + " s; output so far:\n"
                            + Files.readString(out) + Files.readString(err));
                }
                return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }
    }

    static Result run(Path directory, Map<String, String> environment, long timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        return start(directory, environment, command).await(timeoutSeconds);
    }

    /** Starts a command with no input, its output going to temporary files. */
    static Running start(Path directory, Map<String, String> environment, List<String> command) throws IOException {
        Path out = Files.createTempFile("simswarm-e2e", ".out");
        Path err = Files.createTempFile("simswarm-e2e", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        builder.environment().putAll(environment);
        return new Running(command, builder.start(), out, err);
    }

    /** Runs a command that must succeed. */
    static String check(Path directory, List<String> command) throws IOException, InterruptedException {
        Result result = run(directory, Map.of(), 600, command);
        assertThat(result.exitCode()).as("%s failed:%n%s%s", command, result.stdout(), result.stderr()).isZero();
        return result.stdout();
    }
}
