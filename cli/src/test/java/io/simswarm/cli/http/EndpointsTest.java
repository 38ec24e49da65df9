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

    private Path writeConfig(String content) throws IOException {
        Path file = home.resolve(".config/simswarm/config.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
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

    @Test
    void malformedFlagIsNamedWithWhatIsWrong() {
        Endpoints endpoints = new Endpoints(Map.of(), home);
        endpoints.schedulerUrl = "ht tp://127.0.0.1:8083";

        assertThatThrownBy(() -> endpoints.url(Service.SCHEDULER))
                .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("the scheduler service address 'ht tp://127.0.0.1:8083' from --scheduler-url is not a "
                        + "usable URL: illegal character in scheme name at character 3 (expected e.g. "
                        + "http://127.0.0.1:8083)");
    }

    @Test
    void addressWithoutSchemeFromTheEnvironmentIsNamed() {
        Endpoints endpoints = new Endpoints(Map.of("SIMSWARM_RESULTS_URL", "localhost:8084"), home);

        assertThatThrownBy(() -> endpoints.url(Service.RESULTS))
                .hasMessage("the results service address 'localhost:8084' from SIMSWARM_RESULTS_URL is not a usable "
                        + "URL: it must start with http:// or https:// (expected e.g. http://127.0.0.1:8084)");
    }

    @Test
    void addressWithoutHostInTheConfigFileNamesTheFileAndKey() throws IOException {
        Path file = writeConfig("build.url=http://:8082\nprovisioner.url=http://my_host:8081\n");
        Endpoints endpoints = new Endpoints(Map.of(), home);

        assertThatThrownBy(() -> endpoints.url(Service.BUILD))
                .hasMessage("the build service address 'http://:8082' from build.url in " + file + " is not a usable "
                        + "URL: it names no host (expected e.g. http://127.0.0.1:8082)");
        assertThatThrownBy(() -> endpoints.url(Service.PROVISIONER))
                .hasMessageContaining("from provisioner.url in " + file)
                .hasMessageContaining("'my_host:8081' is not a host name and port");
    }

    @Test
    void addressWithAQueryIsRefused() {
        Endpoints endpoints = new Endpoints(Map.of("SIMSWARM_SCHEDULER_URL", "http://h:1/?x=1"), home);

        assertThatThrownBy(() -> endpoints.url(Service.SCHEDULER)).hasMessageContaining("must not have a query");
    }
}
