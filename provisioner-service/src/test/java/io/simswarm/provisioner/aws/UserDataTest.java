package io.simswarm.provisioner.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UserDataTest {

    private final UserData.Settings settings = new UserData.Settings("c1", "eu-west-1", "/simswarm/c1",
            "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----", "-----BEGIN CERTIFICATE-----\nS\n"
                    + "-----END CERTIFICATE-----", "registry:2");

    @Test
    void managerInstallsDockerThenRunsTheManagerPart() {
        String text = UserData.manager(settings);
        assertThat(text).startsWith("#!/bin/bash\n")
                .contains("export SIMSWARM_CLUSTER='c1'", "export SIMSWARM_ROLE='manager'",
                        "export SIMSWARM_REGION='eu-west-1'", "export SIMSWARM_PARAM_PATH='/simswarm/c1'",
                        "export SIMSWARM_REGISTRY_IMAGE='registry:2'");
        assertThat(text.indexOf("# ---- common.sh")).isLessThan(text.indexOf("# ---- install-docker.sh"));
        assertThat(text.indexOf("# ---- install-docker.sh")).isLessThan(text.indexOf("# ---- swarm-manager.sh"));
        assertThat(text).doesNotContain("swarm-worker.sh").doesNotContain("PRIVATE KEY");
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThan(UserData.LIMIT);
    }

    @Test
    void workerJoinsWithoutCertificates() {
        String text = UserData.worker(settings);
        assertThat(text).contains("export SIMSWARM_ROLE='worker'", "# ---- swarm-worker.sh", "docker swarm join")
                .doesNotContain("SIMSWARM_CA_PEM=").doesNotContain("swarm init");
    }

    @Test
    void quotesForTheShell() {
        assertThat(UserData.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(UserData.quote(null)).isEqualTo("''");
    }
}
