package io.simswarm.runner;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Throw-away containers of the toolchain image, labelled so that only ours are ever removed. */
final class Docker {

    static final String TOOLCHAIN_IMAGE = System.getProperty("simswarm.toolchain.image", "simswarm/toolchain:bookworm");
    static final String LABEL = "io.simswarm.test=runner-" + UUID.randomUUID();

    private Docker() {
    }

    /** docker run --rm --label LABEL DOCKER_ARGS IMAGE COMMAND... */
    static Exec.Outcome run(List<String> dockerArgs, String... command) {
        List<String> line = new ArrayList<>(List.of("docker", "run", "--rm", "--label", LABEL));
        line.addAll(dockerArgs);
        line.add(TOOLCHAIN_IMAGE);
        line.addAll(List.of(command));
        return Exec.run(TestPaths.work(), line);
    }

    /** Removes containers of this test JVM that a failed test may have left behind. */
    static void removeOurContainers() {
        String ids = Exec.run(TestPaths.work(), List.of("docker", "ps", "-aq", "--filter", "label=" + LABEL))
                .orFail("docker ps").output().trim();
        if (!ids.isEmpty()) {
            List<String> rm = new ArrayList<>(List.of("docker", "rm", "-f"));
            rm.addAll(List.of(ids.split("\\s+")));
            Exec.run(TestPaths.work(), rm);
        }
    }
}
