package io.simswarm.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.simswarm.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointsTest {

    @TempDir
    Path home;

    private void writeConfig(String content) throws IOException {
        Path file = home.resolve(".config/simswarm/config.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    @Test
    void defaultsToTheLocalPorts() {
        Endpoints endpoints = new Endpoints(Map.of(), home);

        assertThat(endpoints.url(Service.PROVISIONER)).isEqualTo("http://127.0.0.1:8081");
        assertThat(endpoints.url(Service.BUILD)).isEqualTo("http://127.0.0.1:8082");
        assertThat(endpoints.url(Service.SCHEDULER)).isEqualTo("http://127.0.0.1:8083");
        assertThat(endpoints.url(Service.RESULTS)).isEqualTo("http://127.0.0.1:8084");
    }

    @Test
    void flagBeatsEnvironmentBeatsConfigFileBeatsDefault() throws IOException {
        writeConfig("scheduler.url=http://file:1\nresults.url=http://file:2/\nbuild.url=http://file:3\n");
        Endpoints endpoints = new Endpoints(
                Map.of("SIMSWARM_SCHEDULER_URL", "http://env:1", "SIMSWARM_RESULTS_URL", "http://env:2"), home);
        endpoints.schedulerUrl = "http://flag:1/";

        assertThat(endpoints.url(Service.SCHEDULER)).isEqualTo("http://flag:1");
        assertThat(endpoints.url(Service.RESULTS)).isEqualTo("http://env:2");
        assertThat(endpoints.url(Service.BUILD)).isEqualTo("http://file:3");
        assertThat(endpoints.url(Service.PROVISIONER)).isEqualTo("http://127.0.0.1:8081");
    }

    @Test
    void explicitConfigFileMustExist() {
        Endpoints endpoints = new Endpoints(Map.of("SIMSWARM_CONFIG", home.resolve("nope.properties").toString()),
                home);

        assertThatThrownBy(() -> endpoints.url(Service.SCHEDULER)).isInstanceOf(CliException.class)
                .hasMessageContaining("nope.properties named by SIMSWARM_CONFIG does not exist");
    }
}
