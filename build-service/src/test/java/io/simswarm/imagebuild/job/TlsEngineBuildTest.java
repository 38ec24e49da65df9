package io.simswarm.imagebuild.job;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.simswarm.events.BuildFinished;
import io.simswarm.events.BuildRequested;
import io.simswarm.imagebuild.docker.DockerEngines;
import io.simswarm.imagebuild.docker.ImageLabels;
import io.simswarm.imagebuild.support.Builds;
import io.simswarm.imagebuild.support.Images;
import io.simswarm.imagebuild.support.KafkaTopics;
import io.simswarm.imagebuild.support.ShellImage;
import io.simswarm.imagebuild.support.TestRepo;
import io.simswarm.imagebuild.support.TlsCluster;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Builds on a cluster whose Docker API needs mutual TLS: the endpoint and certificates come from the provisioner
 * (a stand-in, see {@link TlsCluster}), the image is built on a real dockerd that accepts only the cluster's client
 * certificate.
 */
@QuarkusTest
@WithTestResource(TlsCluster.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TlsEngineBuildTest {

    private static final String COMMAND = "echo built > built.txt";

    @Inject
    ObjectMapper json;

    @Inject
    DockerEngines engines;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.uuid")
    String runUuid;

    private KafkaTopics kafka;

    @BeforeAll
    void openKafka() {
        kafka = new KafkaTopics(bootstrap, json);
    }

    @AfterAll
    void closeKafka() {
        kafka.close();
    }

    @Test
    void buildsOnTheTlsEngineOfTheClusterARequestNames() {
        try (TestRepo repo = aProject()) {
            JsonPath build = Builds.awaitFinished(Builds.submit(Map.of("repoUrl", repo.url(), "cluster",
                    TlsCluster.NAME, "baseImage", ShellImage.NAME, "buildCommand", COMMAND)));

            assertThat(build.getString("status")).as(build.getString("error")).isEqualTo("SUCCEEDED");
            assertThat(build.getString("cluster")).isEqualTo(TlsCluster.NAME);
            assertThat(build.getString("dockerHost")).isEqualTo(TlsCluster.engine().host());
            assertThat(build.getBoolean("dockerTls")).isTrue();
            String image = build.getString("image");
            assertThat(new Images(TlsCluster.engine().client()).labels(image))
                    .containsEntry(ImageLabels.REPO, repo.url())
                    .containsEntry(ImageLabels.BUILD_ID, build.getString("id"));
            assertThat(new Images(engines.client("unix:///var/run/docker.sock")).exists(image)).isFalse();
            assertThat(Builds.log(build.getString("id"))).contains("engine " + TlsCluster.engine().host()
                    + " with the client certificates of cluster '" + TlsCluster.NAME + "'");
        }
    }

    @Test
    void buildsWhatACampaignOnTheClusterAsksFor() {
        try (TestRepo repo = aProject()) {
            String campaign = KafkaTopics.campaignId(runUuid);
            kafka.publish(BuildRequested.of(campaign, repo.url(), "main", null, ShellImage.NAME, COMMAND,
                    TlsCluster.engine().host(), null, TlsCluster.NAME, true));

            BuildFinished result = awaitResult(campaign);

            assertThat(result.succeeded()).as(result.error()).isTrue();
            assertThat(result.commit()).isEqualTo(repo.head());
            assertThat(new Images(TlsCluster.engine().client()).exists(result.image())).isTrue();
        }
    }

    @Test
    void aClusterTheProvisionerDoesNotKnowIsABadRequest() {
        given().contentType(ContentType.JSON).body(Map.of("repoUrl", "file:///srv/git/x.git", "cluster", "nowhere"))
                .when().post("/builds")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("Cluster 'nowhere' is not known to the provisioner at "
                        + TlsCluster.provisionerUrl() + "."));
    }

    @Test
    void aClusterWithoutDockerEndpointIsAConflict() {
        given().contentType(ContentType.JSON).body(Map.of("repoUrl", "file:///srv/git/x.git", "cluster", "booting"))
                .when().post("/builds")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Cluster 'booting' has no Docker endpoint yet."));
    }

    @Test
    void aCampaignOnAClusterTheProvisionerDoesNotKnowFailsItsBuild() {
        String campaign = KafkaTopics.campaignId(runUuid);
        kafka.publish(BuildRequested.of(campaign, "file:///srv/git/x.git", null, null, null, COMMAND, null, null,
                "nowhere", false));

        BuildFinished result = awaitResult(campaign);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo("Cluster 'nowhere' is not known to the provisioner at "
                + TlsCluster.provisionerUrl() + ".");
    }

    @Test
    void certificatesTheProvisionerRefusesFailTheBuild() {
        JsonPath build = failed(Map.of("repoUrl", "file:///srv/git/x.git", "cluster", "foreign"));

        assertThat(build.getString("error")).isEqualTo("The provisioner at " + TlsCluster.provisionerUrl()
                + " refused the Docker TLS certificates of cluster 'foreign' (HTTP 403): the build service's internal"
                + " key (SIMSWARM_INTERNAL_KEY) is not the provisioner's");
    }

    @Test
    void certificatesOfAClusterTheProvisionerDoesNotKnowFailTheBuild() {
        String campaign = KafkaTopics.campaignId(runUuid);
        kafka.publish(BuildRequested.of(campaign, "file:///srv/git/x.git", null, null, null, COMMAND,
                TlsCluster.engine().host(), null, "gone", true));

        BuildFinished result = awaitResult(campaign);

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo("The provisioner at " + TlsCluster.provisionerUrl()
                + " refused the Docker TLS certificates of cluster 'gone' (HTTP 404): it knows no such cluster, or the"
                + " cluster's Docker API needs no TLS");
    }

    @Test
    void theTlsEngineRefusesABuildWithoutCertificates() {
        JsonPath build = failed(Map.of("repoUrl", "file:///srv/git/x.git", "dockerHost", TlsCluster.engine().host()));

        assertThat(build.getString("error")).isEqualTo("The Docker engine at " + TlsCluster.engine().host()
                + " is not reachable: it accepts only TLS connections with a client certificate, and this client sent"
                + " none (the engine answered: Client sent an HTTP request to an HTTPS server); the cluster's"
                + " certificates are needed (dockerTls)");
    }

    private static TestRepo aProject() {
        return TestRepo.withFiles(Map.of("model.txt", UUID.randomUUID() + "\n"));
    }

    private static JsonPath failed(Map<String, String> body) {
        Map<String, String> request = new HashMap<>(body);
        request.put("buildCommand", COMMAND);
        JsonPath build = Builds.awaitFinished(Builds.submit(request));
        assertThat(build.getString("status")).isEqualTo("FAILED");
        return build;
    }

    private BuildFinished awaitResult(String campaign) {
        List<KafkaTopics.Result> results = await().atMost(Builds.PATIENCE)
                .until(() -> kafka.resultsFor(campaign), r -> !r.isEmpty());
        return results.get(0).event();
    }
}
