package io.simswarm.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command to its end and keeps what it printed. */
final class Processes {

    /** Exit code and output of a finished command. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    private Processes() {
    }

    static Result run(Path directory, Map<String, String> environment, long timeoutSeconds, List<String> command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("simswarm-e2e", ".out");
        Path err = Files.createTempFile("simswarm-e2e", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
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

    /** Runs a command that must succeed. */
    static String check(Path directory, List<String> command) throws IOException, InterruptedException {
        Result result = run(directory, Map.of(), 600, command);
        assertThat(result.exitCode()).as("%s failed:%n%s%s", command, result.stdout(), result.stderr()).isZero();
        return result.stdout();
    }
}
