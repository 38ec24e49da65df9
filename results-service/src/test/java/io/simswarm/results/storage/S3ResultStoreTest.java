package io.simswarm.results.storage;

import static io.restassured.RestAssured.given;
import static io.simswarm.results.TestRuns.newCampaign;
import static io.simswarm.results.TestRuns.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.simswarm.results.Archives;
import io.simswarm.results.TestRuns;
import io.simswarm.results.upload.SupersededUploadCleaner;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The whole upload and read path with result files in S3 (moto), checked against the bucket itself. */
@QuarkusTest
@TestProfile(S3Profile.class)
class S3ResultStoreTest {

    @Inject
    ResultStore store;

    @Inject
    SupersededUploadCleaner cleaner;

    private S3Client s3;

    @BeforeEach
    void connect() {
        s3 = S3Client.builder().httpClient(UrlConnectionHttpClient.create()).region(Region.US_EAST_1)
                .endpointOverride(URI.create(S3Profile.ENDPOINT)).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    @AfterEach
    void close() {
        s3.close();
    }

    private List<String> keys(String prefix) {
        return s3.listObjectsV2Paginator(b -> b.bucket(S3Profile.BUCKET).prefix(prefix)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    @Test
    void usesTheS3Store() {
        assertThat(io.quarkus.arc.ClientProxy.unwrap(store)).isInstanceOf(S3ResultStore.class);
    }

    @Test
    void storesUnderTheUploadPrefixAndServesFilesAndVectorRangesFromS3() throws Exception {
        String campaign = newCampaign();
        upload(campaign, 3, TestRuns.omnetpp61().tarGz()).statusCode(201).body("files", hasSize(4));

        List<String> keys = keys("results/" + campaign + "/3/");
        assertThat(keys).hasSize(4).allMatch(k -> k.matches("results/" + campaign + "/3/\\d+/.+"))
                .anyMatch(k -> k.endsWith("/" + TestRuns.VEC));

        given().get("/campaigns/{c}/vectors/3-4/data", campaign).then().statusCode(200).body("", hasSize(587));
        given().get("/campaigns/{c}/runs/3/log", campaign).then().statusCode(200)
                .body(equalTo("Preparing for running configuration PureAlohaExperiment, run #3...\n"
                        + "<!> Simulation time limit reached -- at t=600s\nEnd.\n"));
        byte[] zip = given().get("/campaigns/{c}/results.zip", campaign).then().statusCode(200).extract()
                .asByteArray();
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
                if (entry.getName().endsWith(".vec")) {
                    assertThat(in.readAllBytes()).hasSize(268465);
                }
            }
        }
        assertThat(names).hasSize(5).contains("results/" + TestRuns.SCA, "provenance.json");
    }

    @Test
    void aReUploadSwitchesPrefixesAndTheOldOneIsDeleted() throws Exception {
        String campaign = newCampaign();
        upload(campaign, 0, new Archives().file("a.sca", "version 3\nrun one\nscalar m x 1\n").tarGz())
                .statusCode(201);
        String first = keys("results/" + campaign + "/0/").get(0);
        upload(campaign, 0, new Archives().file("b.sca", "version 3\nrun two\nscalar m x 2\n").tarGz())
                .statusCode(201);

        given().get("/campaigns/{c}/scalars", campaign).then().statusCode(200).body("value", equalTo(List.of(2.0f)));
        assertThat(keys("results/" + campaign + "/0/")).hasSize(2).contains(first);
        cleaner.clean();
        assertThat(keys("results/" + campaign + "/0/")).singleElement().asString().endsWith("/b.sca")
                .doesNotStartWith(first.substring(0, first.lastIndexOf('/')));
    }

    @Test
    void aRejectedUploadLeavesNothingInTheBucket() {
        String campaign = newCampaign();
        upload(campaign, 0, TestRuns.omnetpp61().file("../x.sca", "x").tarGz()).statusCode(400);
        assertThat(keys("results/" + campaign)).isEmpty();
        given().get("/campaigns/{c}", campaign).then().statusCode(404);
    }
}
