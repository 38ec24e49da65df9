package io.simswarm.imagebuild.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.events.BuildFinished;
import io.simswarm.events.BuildRequested;
import io.simswarm.imagebuild.docker.DockerEngines;
import io.simswarm.imagebuild.job.Build;
import io.simswarm.imagebuild.support.Builds;
import io.simswarm.imagebuild.support.Images;
import io.simswarm.imagebuild.support.KafkaTopics;
import io.simswarm.imagebuild.support.TestRepo;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Build requests over Kafka as the scheduler sends them, answered on build-results keyed by campaign. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuildMessagingTest {

    @Inject
    DockerEngines engines;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.uuid")
    String runUuid;

    private TestRepo repo;
    private KafkaTopics kafka;

    @BeforeAll
    void aProjectInASubfolder() {
        repo = TestRepo.withFiles(Map.of("sim/Makefile", "all:\n\techo built > built.txt\n", "README", "x\n"));
        kafka = new KafkaTopics(bootstrap, json);
    }

    @AfterAll
    void cleanUp() {
        kafka.close();
        new Images(engines.client("unix:///var/run/docker.sock")).removeBuiltFrom(repo.url());
        repo.close();
    }

    @Test
    void buildsWhatACampaignAsksForAndAnswersWithItsCampaignId() {
        String campaign = KafkaTopics.campaignId(runUuid);
        kafka.publish(BuildRequested.of(campaign, repo.url(), "main", "sim", null, "make", null, null, null, false));

        KafkaTopics.Result result = awaitResults(campaign, 1).get(0);

        BuildFinished event = result.event();
        assertThat(result.key()).isEqualTo(campaign);
        assertThat(event.succeeded()).as(event.error()).isTrue();
        assertThat(event.commit()).isEqualTo(repo.head());
        assertThat(event.image()).matches("simswarm/build:[0-9a-f]{16}");
        assertThat(event.workdir()).isEqualTo("/opt/simswarm/project/sim");
        assertThat(event.cached()).isFalse();
        assertThat(new Images(engines.client("unix:///var/run/docker.sock")).workingDir(event.image()))
                .isEqualTo("/opt/simswarm/project/sim");
        JsonPath build = Builds.awaitFinished(event.buildId());
        assertThat(build.getString("campaignId")).isEqualTo(campaign);
        assertThat(build.getString("status")).isEqualTo("SUCCEEDED");

        String again = KafkaTopics.campaignId(runUuid);
        kafka.publish(BuildRequested.of(again, repo.url(), null, "sim", null, "make", null, null, null, false));
        BuildFinished cached = awaitResults(again, 1).get(0).event();
        assertThat(cached.cached()).isTrue();
        assertThat(cached.image()).isEqualTo(event.image());
    }

    @Test
    void aRedeliveredRequestIsBuiltOnce() {
        String campaign = KafkaTopics.campaignId(runUuid);
        BuildRequested request = BuildRequested.of(campaign, repo.url(), null, "sim", null, "make -B", null, null,
                null, false);
        kafka.publish(request);
        kafka.publish(request);
        // Same key, same partition: once the marker is answered, both copies were consumed.
        kafka.publish(new BuildRequested(1, UUID.randomUUID(), campaign, null, null, null, null, null, null, null,
                Instant.now(), null, false));

        List<KafkaTopics.Result> results = awaitResults(campaign, 2);

        assertThat(results).extracting(r -> r.event().succeeded()).containsExactlyInAnyOrder(true, false);
        long builds = QuarkusTransaction.requiringNew().call(() -> Build.count("requestEventId", request.eventId()));
        assertThat(builds).isEqualTo(1);
    }

    @Test
    void anInvalidRequestIsAnsweredWithWhatWasWrong() {
        String campaign = KafkaTopics.campaignId(runUuid);
        kafka.publish(new BuildRequested(1, UUID.randomUUID(), campaign, " ", null, null, null, null, null, null,
                Instant.now(), null, false));

        BuildFinished event = awaitResults(campaign, 1).get(0).event();

        assertThat(event.succeeded()).isFalse();
        assertThat(event.image()).isNull();
        assertThat(event.error()).contains("repoUrl is required");
        assertThat(Builds.awaitFinished(event.buildId()).getString("status")).isEqualTo("FAILED");
    }

    @Test
    void aBuildFailureIsAnsweredWithItsError() {
        String campaign = KafkaTopics.campaignId(runUuid);
        kafka.publish(BuildRequested.of(campaign, repo.url(), "no-such-tag", "sim", null, "make", null, null, null,
                false));

        BuildFinished event = awaitResults(campaign, 1).get(0).event();

        assertThat(event.succeeded()).isFalse();
        assertThat(event.error()).isEqualTo("The ref 'no-such-tag' is neither a branch, a tag nor a commit of "
                + repo.url());
    }

    @Test
    void skipsWhatIsNotABuildRequestAndGoesOn() throws Exception {
        String campaign = KafkaTopics.campaignId(runUuid);
        kafka.publishRaw(campaign, "{this is not json");
        kafka.publish(BuildRequested.of(campaign, repo.url(), "no-such-ref", "sim", null, "make", null, null, null,
                false));

        assertThat(awaitResults(campaign, 1)).hasSize(1);
    }

    private List<KafkaTopics.Result> awaitResults(String campaign, int count) {
        return await().atMost(Builds.PATIENCE).until(() -> kafka.resultsFor(campaign), r -> r.size() >= count);
    }
}
