package io.simswarm.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

/** Build requests as JSON, the way the scheduler writes them and the build service reads them. */
class BuildRequestedTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void aRequestWrittenBeforeClustersWereNamedReadsAsTheLocalEngine() throws Exception {
        String old = """
                {"version":1,"eventId":"0b1e5b0c-5b7a-4d7e-9a55-2f3c1d0e9f10","campaignId":"c-1",
                 "repoUrl":"file:///srv/git/queueing.git","ref":"main","workdir":null,"baseImage":null,
                 "buildCommand":"make","dockerHost":"unix:///var/run/docker.sock","registry":null,
                 "requestedAt":"2026-11-01T10:00:00Z"}""";

        BuildRequested request = json.readValue(old, BuildRequested.class);

        assertThat(request.campaignId()).isEqualTo("c-1");
        assertThat(request.dockerHost()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(request.cluster()).isNull();
        assertThat(request.dockerTls()).isFalse();
    }

    @Test
    void carriesTheClusterAndWhetherItsEndpointNeedsTls() throws Exception {
        BuildRequested sent = BuildRequested.of("c-2", "https://git.example.org/inet.git", "v4.5", null, null, null,
                "tcp://203.0.113.7:2376", "10.0.0.5:5000", "inet", true);

        BuildRequested read = json.readValue(json.writeValueAsString(sent), BuildRequested.class);

        assertThat(read).isEqualTo(sent);
        assertThat(read.cluster()).isEqualTo("inet");
        assertThat(read.dockerTls()).isTrue();
        assertThat(read.version()).isEqualTo(EventVersion.CURRENT);
    }
}
