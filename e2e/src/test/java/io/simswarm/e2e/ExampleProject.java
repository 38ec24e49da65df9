package io.simswarm.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies of examples/queueing without its build output, as a plain folder or as a fresh git repository. */
final class ExampleProject {

    private ExampleProject() {
    }

    /** A git repository at {@code target} holding the example in one commit, as a user's checkout would. */
    static Path repository(Path root, Path target) throws IOException, InterruptedException {
        copy(root, target);
        Processes.check(target, List.of("git", "init", "-q"));
        Processes.check(target, List.of("git", "add", "."));
        Processes.check(target, List.of("git", "-c", "user.name=e2e", "-c", "user.email=e2e@example.org",
                "commit", "-q", "-m", "queueing example"));
        return target;
    }

    /** The example's sources copied to {@code target}. */
    static void copy(Path root, Path target) throws IOException {
        Path source = root.resolve("examples/queueing");
        try (Stream<Path> paths = Files.walk(source)) {
            for (Path path : paths.toList()) {
                Path relative = source.relativize(path);
                if (relative.startsWith("build") || relative.startsWith("results") || relative.startsWith("tests/out")
                        || relative.toString().equals("queueing")) {
                    continue;
                }
                Path destination = target.resolve(relative.toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination);
                }
            }
        }
    }
}
