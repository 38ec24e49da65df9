package io.simswarm.imagebuild.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.imagebuild.docker.DockerEngines;
import io.simswarm.imagebuild.job.Build;
import io.simswarm.imagebuild.job.BuildStatus;
import io.simswarm.imagebuild.spec.BuildSpec;
import io.simswarm.imagebuild.support.Builds;
import io.simswarm.imagebuild.support.Images;
import io.simswarm.imagebuild.support.TestRepo;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Builds whose instance stopped mid-way (claimed, heartbeat silent) are taken up by a running instance, and given up
 * after too many attempts. The test writes such builds as a stopped instance would have left them.
 */
@QuarkusTest
class BuildQueueTest {

    @Inject
    DockerEngines engines;

    @Test
    void aBuildLeftByAStoppedInstanceIsFinishedByAnother() {
        try (TestRepo repo = TestRepo.withFiles(Map.of("Makefile", "all:\n\techo built\n"))) {
            UUID id = abandoned(repo.url(), "make", 1);

            JsonPath build = Builds.awaitFinished(id.toString());

            assertThat(build.getString("status")).as(build.getString("error")).isEqualTo("SUCCEEDED");
            assertThat(build.getString("commit")).isEqualTo(repo.head());
            int attempts = QuarkusTransaction.requiringNew().call(() -> Build.<Build>findById(id).attempts);
            assertThat(attempts).isEqualTo(2);
            new Images(engines.client("unix:///var/run/docker.sock")).removeBuiltFrom(repo.url());
        }
    }

    @Test
    void aBuildInterruptedTooOftenIsFailed() {
        UUID id = abandoned("file:///nonexistent/never-built.git", "make", 3);

        JsonPath build = Builds.awaitFinished(id.toString());

        assertThat(build.getString("status")).isEqualTo("FAILED");
        assertThat(build.getString("error")).isEqualTo("The build was interrupted 3 times (its build-service"
                + " instance stopped each time); giving up");
    }

    private static UUID abandoned(String url, String command, int attempts) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Build build = Build.create(new BuildSpec(url, null, ".", "simswarm/toolchain:bookworm", command,
                    "unix:///var/run/docker.sock", null, null, false), null, null);
            build.status = BuildStatus.BUILDING;
            build.claimId = UUID.randomUUID();
            build.heartbeatAt = Instant.now().minus(Duration.ofHours(1));
            build.startedAt = build.heartbeatAt;
            build.attempts = attempts;
            build.persist();
            return build.id;
        });
    }
}
