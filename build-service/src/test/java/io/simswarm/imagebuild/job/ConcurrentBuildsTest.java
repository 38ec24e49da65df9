package io.simswarm.imagebuild.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.events.BuildFinished;
import io.simswarm.events.BuildRequested;
import io.simswarm.imagebuild.docker.DockerEngines;
import io.simswarm.imagebuild.support.Builds;
import io.simswarm.imagebuild.support.Images;
import io.simswarm.imagebuild.support.KafkaTopics;
import io.simswarm.imagebuild.support.TestRepo;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Identical requests arriving together, over REST and Kafka, make exactly one image build. */
@QuarkusTest
class ConcurrentBuildsTest {

    @Inject
    DockerEngines engines;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.uuid")
    String runUuid;

    @Test
    void identicalRequestsProduceOneBuild() {
        Images images = new Images(engines.client("unix:///var/run/docker.sock"));
        try (TestRepo repo = TestRepo.withFiles(Map.of("Makefile", "all:\n\tsleep 3\n\techo built > built.txt\n"));
                KafkaTopics kafka = new KafkaTopics(bootstrap, json)) {
            Map<String, String> body = Map.of("repoUrl", repo.url(), "buildCommand", "make");
            String campaign = KafkaTopics.campaignId(runUuid);
            kafka.publish(BuildRequested.of(campaign, repo.url(), null, null, null, "make", null, null, null, false));
            List<CompletableFuture<String>> posts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                posts.add(CompletableFuture.supplyAsync(() -> Builds.submit(body)));
            }
            List<String> ids = new ArrayList<>(posts.stream().map(CompletableFuture::join).toList());
            BuildFinished viaKafka = org.awaitility.Awaitility.await().atMost(Builds.PATIENCE)
                    .until(() -> kafka.resultsFor(campaign), r -> !r.isEmpty()).get(0).event();
            ids.add(viaKafka.buildId());

            List<JsonPath> builds = ids.stream().map(Builds::awaitFinished).toList();

            assertThat(builds).allSatisfy(b -> assertThat(b.getString("status")).isEqualTo("SUCCEEDED"));
            assertThat(builds).extracting(b -> b.getString("image")).containsOnly(builds.get(0).getString("image"));
            assertThat(builds).filteredOn(b -> !b.getBoolean("cached")).hasSize(1);
            assertThat(images.builtFrom(repo.url())).hasSize(1);
            long docker = ids.stream().map(Builds::log).filter(log -> log.contains("Step 1/")).count();
            assertThat(docker).isEqualTo(1);
            images.removeBuiltFrom(repo.url());
        }
    }

    @Test
    void identicalRequestsShareOneFailure() {
        try (TestRepo repo = TestRepo.withFiles(Map.of("Makefile", "all:\n\tsleep 8\n\techo broken >&2\n\tfalse\n"))) {
            Map<String, String> body = Map.of("repoUrl", repo.url(), "buildCommand", "make");
            List<CompletableFuture<String>> posts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                posts.add(CompletableFuture.supplyAsync(() -> Builds.submit(body)));
            }

            List<JsonPath> builds = posts.stream().map(CompletableFuture::join).map(Builds::awaitFinished).toList();

            assertThat(builds).allSatisfy(b -> assertThat(b.getString("status")).isEqualTo("FAILED"));
            List<JsonPath> built = builds.stream().filter(b -> b.getString("error").startsWith("The build failed"))
                    .toList();
            assertThat(built).hasSize(1);
            assertThat(built.get(0).getString("error")).contains("broken");
            assertThat(builds).filteredOn(b -> b != built.get(0)).allSatisfy(b -> assertThat(b.getString("error"))
                    .startsWith("The identical build " + built.get(0).getString("id") + " failed: The build failed"));
        }
    }
}
