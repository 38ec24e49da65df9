package io.simswarm.imagebuild.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.simswarm.imagebuild.spec.BuildSpec;
import org.junit.jupiter.api.Test;

class DockerfileTest {

    private static BuildSpec spec(String workdir, String command) {
        return new BuildSpec("file:///r", null, workdir, "simswarm/toolchain:bookworm", command,
                "unix:///var/run/docker.sock", null, null, false);
    }

    @Test
    void copiesTheProjectAndRunsTheBuildCommandInTheWorkdir() {
        String text = Dockerfile.render(spec("examples/queueing", "make -j$(nproc)"), true);

        assertThat(text).contains("FROM simswarm/toolchain:bookworm\n")
                .contains("COPY simswarm-runner /opt/simswarm/bin/simswarm-runner\n")
                .contains("COPY --chown=1000:1000 project/ /opt/simswarm/project/\n")
                .contains("WORKDIR /opt/simswarm/project/examples/queueing\n")
                .endsWith("USER 1000:1000\nRUN [\"/bin/sh\", \"-c\", \"make -j$(nproc)\"]\n");
        assertThat(text.indexOf("simswarm-runner")).isLessThan(text.indexOf("project/ /opt"));
    }

    @Test
    void theRootWorkdirIsTheProjectFolder() {
        assertThat(Dockerfile.render(spec(".", "make"), false))
                .contains("WORKDIR /opt/simswarm/project\n")
                .doesNotContain("simswarm-runner");
    }

    @Test
    void anyCommandTextStaysOneRunInstruction() {
        String text = Dockerfile.render(spec(".", "echo \"a\\b\"\nmake\tall"), false);

        assertThat(text).endsWith("RUN [\"/bin/sh\", \"-c\", \"echo \\\"a\\\\b\\\"\\nmake\\tall\"]\n");
        assertThat(text.lines().filter(l -> l.startsWith("RUN"))).hasSize(1);
    }
}
