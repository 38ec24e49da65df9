package io.simswarm.imagebuild.job;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import com.github.dockerjava.api.DockerClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.simswarm.imagebuild.docker.DockerEngines;
import io.simswarm.imagebuild.docker.ImageRef;
import io.simswarm.imagebuild.support.Builds;
import io.simswarm.imagebuild.support.Images;
import io.simswarm.imagebuild.support.TestRepo;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** With a registry named, the image is pushed to it (the local registry deploy/infra.sh runs) and can be pulled. */
@QuarkusTest
class RegistryPushTest {

    private static final String REGISTRY = "127.0.0.1:5050";

    @Inject
    DockerEngines engines;

    @Test
    void pushesTheImageSoOtherNodesCanPullIt() throws InterruptedException {
        DockerClient docker = engines.client("unix:///var/run/docker.sock");
        Images images = new Images(docker);
        try (TestRepo repo = TestRepo.withFiles(Map.of("Makefile", "all:\n\techo built > built.txt\n",
                "id.txt", UUID.randomUUID() + "\n"))) {
            Map<String, String> body = Map.of("repoUrl", repo.url(), "buildCommand", "make", "registry", REGISTRY);
            JsonPath build = Builds.awaitFinished(Builds.submit(body));

            assertThat(build.getString("status")).as(build.getString("error")).isEqualTo("SUCCEEDED");
            ImageRef pushed = ImageRef.parse(build.getString("image"));
            assertThat(pushed.repository()).isEqualTo(REGISTRY + "/simswarm/build");
            given().baseUri("http://" + REGISTRY).when().get("/v2/simswarm/build/tags/list")
                    .then().statusCode(200).body("tags", hasItem(pushed.tag()));
            assertThat(Builds.log(build.getString("id"))).contains("push: " + build.getString("image"));
            String manifestDigest = given().baseUri("http://" + REGISTRY)
                    .accept("application/vnd.docker.distribution.manifest.v2+json, "
                            + "application/vnd.oci.image.manifest.v1+json, application/vnd.oci.image.index.v1+json")
                    .when().get("/v2/simswarm/build/manifests/" + pushed.tag())
                    .then().statusCode(200).extract().header("Docker-Content-Digest");
            assertThat(build.getString("imageDigest")).as("the registry's manifest digest")
                    .matches("sha256:[0-9a-f]{64}").isEqualTo(manifestDigest);

            images.remove(build.getString("image"));
            docker.pullImageCmd(pushed.repository()).withTag(pushed.tag()).start().awaitCompletion(5, TimeUnit.MINUTES);
            assertThat(images.exists(build.getString("image"))).isTrue();

            JsonPath again = Builds.awaitFinished(Builds.submit(body));
            assertThat(again.getBoolean("cached")).isTrue();
            assertThat(again.getString("image")).isEqualTo(build.getString("image"));

            images.removeBuiltFrom(repo.url());
        }
    }

    @Test
    void anUnreachableRegistryFailsTheBuild() {
        try (TestRepo repo = TestRepo.withFiles(Map.of("Makefile", "all:\n\techo built > built.txt\n"))) {
            JsonPath build = Builds.awaitFinished(Builds.submit(Map.of("repoUrl", repo.url(), "buildCommand", "make",
                    "registry", "127.0.0.1:1")));

            assertThat(build.getString("status")).isEqualTo("FAILED");
            assertThat(build.getString("error")).startsWith("Could not push 127.0.0.1:1/simswarm/build:")
                    .contains("to the registry 127.0.0.1:1");
            new Images(engines.client("unix:///var/run/docker.sock")).removeBuiltFrom(repo.url());
        }
    }
}
